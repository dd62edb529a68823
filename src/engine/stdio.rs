//! An end made of two descriptors, one read and one written: this process's stdin and
//! stdout (`connect`, `listen`), or a child's pipes. Bytes come from the input as fast as
//! its kind allows (sendfile(2) from a regular file, splice(2) from a pipe, reads from a
//! terminal), and go to the output; the output's end is its close.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

use crate::fdio::{self, STDIN, STDOUT};

/// How much stdin's and stdout's pipes are grown to (when they are pipes): fewer
/// wake-ups of the processes at their other ends.
const PIPE_ROOM: usize = 1 << 20;

/// Where the bytes of an input come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A regular file: sendfile(2) straight into a socket.
    File,
    /// A pipe: splice(2) straight into a socket.
    Pipe,
    /// A terminal, a socket or anything else: read(2), only when poll says it is ready
    /// (the descriptor is shared and stays blocking).
    Stream,
    /// Bytes given up front (`--send`), then the end.
    Given,
}

pub struct Stdio {
    input: RawFd,
    output: RawFd,
    kind: Input,
    /// `--send` bytes, and how many are out.
    given: Vec<u8>,
    given_at: usize,
    /// LF read from the input goes out as CRLF; what did not fit the caller's buffer
    /// waits in `carry`.
    crlf: Option<Crlf>,
    carry: Vec<u8>,
    /// What was read before translation (kept between reads).
    raw: Vec<u8>,
    /// A reader of the output that went away is no error: the bytes are dropped
    /// (`--expect` keeps its verdict when `| head -1` has seen enough).
    tolerate_closed_output: bool,
    output_gone: bool,
    output_closed: bool,
    /// Nobody reads the output pipe any more (POLLERR on it).
    reader_gone: bool,
    /// Descriptors this end owns (a pair of pipes), closed with it; the output's is
    /// closed as soon as the output ends.
    _owned_input: Option<OwnedFd>,
    owned_output: Option<OwnedFd>,
}

impl Stdio {
    /// This process's stdin and stdout; `given` replaces stdin when set.
    pub fn process(given: Option<Vec<u8>>, crlf: bool) -> Stdio {
        for fd in [STDIN, STDOUT] {
            if fdio::kind(fd) == fdio::Kind::Pipe {
                fdio::grow_pipe(fd, PIPE_ROOM);
            }
        }
        let kind = match (&given, crlf, fdio::kind(STDIN)) {
            (Some(_), _, _) => Input::Given,
            (None, true, _) => Input::Stream,
            (None, false, fdio::Kind::File) => Input::File,
            (None, false, fdio::Kind::Pipe) => Input::Pipe,
            (None, false, fdio::Kind::Other) => Input::Stream,
        };
        let mut crlf = crlf.then(Crlf::default);
        let given = match (given, crlf.as_mut()) {
            (Some(bytes), Some(t)) => {
                let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
                t.translate(&bytes, &mut out);
                out
            }
            (Some(bytes), None) => bytes,
            (None, _) => Vec::new(),
        };
        Stdio {
            given,
            crlf,
            ..Stdio::over(STDIN, STDOUT, kind)
        }
    }

    /// An end over `input` and `output` (owning neither), nothing read or written yet.
    fn over(input: RawFd, output: RawFd, kind: Input) -> Stdio {
        Stdio {
            input,
            output,
            kind,
            given: Vec::new(),
            given_at: 0,
            crlf: None,
            carry: Vec::new(),
            raw: Vec::new(),
            tolerate_closed_output: false,
            output_gone: false,
            output_closed: false,
            reader_gone: false,
            _owned_input: None,
            owned_output: None,
        }
    }

    /// An end that reads `input` and writes `output`, both pipes this end owns (made
    /// non-blocking). Given the two ends of one pipe, what is written comes back: a
    /// pump between a socket and that end echoes the socket's bytes without them
    /// entering this process.
    pub fn pipes(input: OwnedFd, output: OwnedFd) -> Stdio {
        fdio::set_nonblocking(input.as_raw_fd());
        fdio::set_nonblocking(output.as_raw_fd());
        let end = Stdio::over(input.as_raw_fd(), output.as_raw_fd(), Input::Pipe);
        Stdio {
            _owned_input: Some(input),
            owned_output: Some(output),
            ..end
        }
    }

    /// Read every byte as a plain read (an observer must see them, or the input's bytes
    /// are translated): no sendfile or splice from the input.
    pub fn read_plainly(&mut self) {
        if matches!(self.kind, Input::File | Input::Pipe) {
            self.kind = Input::Stream;
        }
    }

    /// LF read from the input goes out as CRLF (`--crlf` on an `--exec` child's output).
    pub fn translate_crlf(&mut self) {
        self.crlf = Some(Crlf::default());
        self.read_plainly();
    }

    /// A closed output (EPIPE) drops the bytes instead of failing.
    pub fn tolerate_closed_output(&mut self) {
        self.tolerate_closed_output = true;
    }

    pub fn input(&self) -> RawFd {
        self.input
    }

    pub fn output(&self) -> RawFd {
        self.output
    }

    pub fn kind(&self) -> Input {
        self.kind
    }

    /// Whether the input is a person at a terminal (what they type after the peer left
    /// has nowhere to go).
    pub fn is_typed(&self) -> bool {
        self.kind == Input::Stream && fdio::is_tty(self.input)
    }

    /// Whether bytes may be spliced into the output. A terminal refuses splice(2); a
    /// socket on stdout stays blocking, and a splice into it waits for room whatever its
    /// flags say, deaf to SIGINT once it has moved a byte: both get plain writes.
    pub fn output_splices(&self) -> bool {
        !fdio::is_tty(self.output) && (self.owns_output_pipe() || !fdio::is_socket(self.output))
    }

    /// Whether the input's bytes may go by sendfile/splice straight into a socket.
    pub fn is_direct(&self) -> bool {
        matches!(self.kind, Input::File | Input::Pipe)
    }

    /// Poll said nobody reads the output pipe any more.
    pub fn output_reader_gone(&mut self) {
        self.reader_gone = true;
    }

    pub fn is_output_reader_gone(&self) -> bool {
        self.reader_gone
    }

    /// Whether the output is a pipe of this end's own, which a socket's bytes may be
    /// spliced straight into.
    pub fn owns_output_pipe(&self) -> bool {
        self.owned_output.is_some()
    }

    /// Whether poll should look at the input at all (given bytes and a file are always
    /// ready; a file is polled too: poll says it is readable at once).
    pub fn polls_input(&self) -> bool {
        self.kind != Input::Given
    }

    /// Whether the input has a byte ready now (a zero-timeout poll).
    pub fn input_ready(&self) -> bool {
        self.kind == Input::Given || fdio::readable_now(self.input)
    }

    /// Bytes from the input: `Ok(0)` at its end, `WouldBlock` when none are ready (the
    /// descriptor is blocking: it is only read when poll says so). A closed stdin
    /// (EBADF) is an empty one.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.kind == Input::Given {
            let n = (self.given.len() - self.given_at).min(buf.len());
            buf[..n].copy_from_slice(&self.given[self.given_at..self.given_at + n]);
            self.given_at += n;
            return Ok(n);
        }
        if !self.carry.is_empty() {
            return Ok(self.give_carry(buf));
        }
        if !self.input_ready() {
            return Err(io::ErrorKind::WouldBlock.into());
        }
        let Some(crlf) = self.crlf.as_mut() else {
            return read_input(self.input, buf);
        };
        self.raw.resize(buf.len(), 0);
        let n = read_input(self.input, &mut self.raw)?;
        crlf.translate(&self.raw[..n], &mut self.carry);
        Ok(self.give_carry(buf))
    }

    /// Whether translated bytes wait that did not fit the last read (the next read
    /// gives them without waiting for the input).
    pub fn has_carry(&self) -> bool {
        !self.carry.is_empty()
    }

    /// Translated bytes that did not fit the last read come first.
    fn give_carry(&mut self, buf: &mut [u8]) -> usize {
        let n = self.carry.len().min(buf.len());
        buf[..n].copy_from_slice(&self.carry[..n]);
        self.carry.drain(..n);
        n
    }

    /// Write all of `data` to the output (a blocking descriptor; a signal interrupts;
    /// made non-blocking by another process, what it takes), or what an owned,
    /// non-blocking pipe takes.
    pub fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.output_gone {
            return Ok(data.len());
        }
        if self.owned_output.is_some() {
            return fdio::write(self.output, data);
        }
        match fdio::write_shared(self.output, data) {
            Ok(n) => Ok(n),
            Err(e) if self.tolerate_closed_output && e.kind() == io::ErrorKind::BrokenPipe => {
                self.output_gone = true;
                Ok(data.len())
            }
            Err(e) => Err(e),
        }
    }

    /// The output's end: stdout is closed (pointed at /dev/null), so whoever reads it
    /// sees its end at once. A terminal stays as it is.
    pub fn close_output(&mut self) {
        if self.owned_output.take().is_some() {
            self.output = -1;
        } else if !self.output_closed && self.output == STDOUT && !fdio::is_tty(STDOUT) {
            fdio::close_stdout();
        }
        self.output_closed = true;
    }
}

fn read_input(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    match fdio::read(fd, buf) {
        Err(e) if e.raw_os_error() == Some(libc::EBADF) => Ok(0),
        other => other,
    }
}

/// `--crlf`: LF as CRLF across reads (an LF already preceded by CR is left alone, even
/// when the CR ended the previous read).
#[derive(Debug, Default)]
pub struct Crlf {
    last: u8,
}

impl Crlf {
    pub fn translate(&mut self, data: &[u8], out: &mut Vec<u8>) {
        for &b in data {
            if b == b'\n' && self.last != b'\r' {
                out.push(b'\r');
            }
            out.push(b);
            self.last = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_holds_across_reads() {
        let mut t = Crlf::default();
        let mut out = Vec::new();
        t.translate(b"a\nb\r", &mut out);
        t.translate(b"\nc\n", &mut out);
        assert_eq!(out, b"a\r\nb\r\nc\r\n");
    }
}
