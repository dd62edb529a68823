//! One direction of a pump: bytes from a source end to a destination end, and the
//! source's end passed on as a half-close once everything before it is delivered.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};

use super::end::End;
use super::stdio::Input;
use super::{Dir, Observer};
use crate::fdio;

/// Pipe size for splicing (grown best effort; the system may keep it smaller).
const PIPE_SIZE: usize = 1 << 20;
/// Buffer for copying, per direction: memory per connection stays bounded whatever
/// the peers send or refuse to read.
const BUFFER: usize = 64 * 1024;
/// Rounds of read-then-write in one step before other pumps get their turn.
const ROUNDS: usize = 32;
/// Bytes asked of one sendfile(2) or splice(2) straight from a stdin file or pipe.
const DIRECT_CHUNK: usize = 1 << 20;

/// What broke a flow: reading its source or writing its destination.
#[derive(Debug)]
pub enum Broke {
    Source(io::Error),
    Destination(io::Error),
}

/// How bytes are held between reading and writing.
enum Way {
    /// Through a pipe with splice(2): the bytes never enter this process.
    Splice { r: OwnedFd, w: OwnedFd, held: usize },
    /// Through a buffer: `buf[start..end]` waits to be written.
    Copy {
        buf: Box<[u8]>,
        start: usize,
        end: usize,
    },
    /// Straight from a file (sendfile(2)) or a pipe (splice(2)) into the destination:
    /// nothing is held. `blocked`: the destination took nothing while the source had
    /// bytes, so wait until it is writable.
    Direct { blocked: bool },
}

/// How a flow moves its bytes, chosen by the pump from its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Splice,
    Copy,
    Direct,
}

impl Way {
    /// A copying way, holding `held` to be written first.
    fn copy(held: Vec<u8>) -> Way {
        let end = held.len();
        let mut buf = held;
        buf.resize(BUFFER.max(end), 0);
        Way::Copy {
            buf: buf.into_boxed_slice(),
            start: 0,
            end,
        }
    }
}

/// What a step did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stepped {
    /// Some bytes (or an end) moved.
    pub moved: bool,
    /// The step stopped at its round limit with work possibly left.
    pub more: bool,
}

pub struct Flow {
    dir: Dir,
    way: Way,
    /// The source has ended (EOF, or close_notify under TLS).
    eof: bool,
    /// The end was passed on to the destination.
    shut: bool,
    /// The source's end is passed on to the destination (false: `--no-shutdown`).
    pass_end: bool,
    /// Bytes delivered to the destination.
    pub bytes: u64,
}

impl Flow {
    /// A flow that moves bytes the way asked; splicing falls back to copying when no
    /// pipe can be had.
    pub fn new(dir: Dir, mode: Mode) -> Flow {
        let way = match mode {
            Mode::Splice => match fdio::pipe(PIPE_SIZE) {
                Ok((r, w)) => Way::Splice { r, w, held: 0 },
                Err(_) => Way::copy(Vec::new()),
            },
            Mode::Copy => Way::copy(Vec::new()),
            Mode::Direct => Way::Direct { blocked: false },
        };
        Flow {
            dir,
            way,
            eof: false,
            shut: false,
            pass_end: true,
            bytes: 0,
        }
    }

    /// Keep the destination open when the source ends (`--no-shutdown`).
    pub fn keep_open(&mut self) {
        self.pass_end = false;
    }

    /// End this flow now, whatever its source still has: what is held is dropped and
    /// the end is passed on (a typed stdin once the peer has left).
    pub fn finish(&mut self, dst: &mut End) -> std::io::Result<()> {
        self.eof = true;
        if let Way::Copy { start, end, .. } = &mut self.way {
            *start = *end;
        }
        if let Way::Splice { held, .. } = &mut self.way {
            *held = 0;
        }
        if !self.shut {
            self.shut = true;
            if self.pass_end {
                dst.shutdown_write()?;
            }
        }
        Ok(())
    }

    /// Whether the flow waits on its destination to take bytes (rather than on its
    /// source to give some).
    pub fn waits_on_destination(&self) -> bool {
        self.wants_write()
    }

    pub fn is_spliced(&self) -> bool {
        matches!(self.way, Way::Splice { .. })
    }

    /// Whether to wait for the source to be readable: its end not seen, and room to
    /// hold more. (A pipe counts its room in pages, not bytes: wait until it is empty.)
    pub fn wants_read(&self) -> bool {
        !self.eof
            && match &self.way {
                Way::Splice { held, .. } => *held == 0,
                Way::Copy { end, buf, .. } => *end < buf.len(),
                Way::Direct { blocked } => !blocked,
            }
    }

    /// Whether bytes wait for the destination to be writable.
    pub fn wants_write(&self) -> bool {
        self.held() > 0 || matches!(self.way, Way::Direct { blocked: true })
    }

    fn held(&self) -> usize {
        match &self.way {
            Way::Splice { held, .. } => *held,
            Way::Copy { start, end, .. } => end - start,
            Way::Direct { .. } => 0,
        }
    }

    /// Whether the source's end has been passed on: this direction is finished.
    pub fn is_done(&self) -> bool {
        self.shut
    }

    /// Move what can move now without blocking: read, write, and once the source ended
    /// and everything is delivered, half-close the destination.
    pub fn step(
        &mut self,
        src: &mut End,
        dst: &mut End,
        observer: &mut Option<Box<dyn Observer>>,
    ) -> Result<Stepped, Broke> {
        match self.steps(src, dst, observer) {
            // Nobody reads the destination's own pipe any more (an `--exec` child that
            // exited or closed its stdin): what the source still sends has nowhere to
            // go, as when the child holds the connection itself. The flow ends there;
            // the other direction goes on.
            Err(Broke::Destination(e))
                if e.raw_os_error() == Some(libc::EPIPE) && dst.takes_no_more() =>
            {
                self.finish(dst).map_err(Broke::Destination)?;
                Ok(Stepped {
                    moved: true,
                    more: false,
                })
            }
            other => other,
        }
    }

    fn steps(
        &mut self,
        src: &mut End,
        dst: &mut End,
        observer: &mut Option<Box<dyn Observer>>,
    ) -> Result<Stepped, Broke> {
        let mut stepped = Stepped::default();
        for _ in 0..ROUNDS {
            let mut moved = match self.way {
                Way::Direct { .. } => self.straight(src, dst)?,
                _ => {
                    let filled = self.fill_up(src, observer).map_err(Broke::Source)?;
                    self.drain(dst).map_err(Broke::Destination)? | filled
                }
            };
            if self.eof && self.held() == 0 && !self.shut {
                self.shut = true;
                if self.pass_end {
                    dst.shutdown_write().map_err(Broke::Destination)?;
                }
                moved = true;
            }
            if !moved {
                return Ok(stepped);
            }
            stepped.moved = true;
        }
        stepped.more = true;
        Ok(stepped)
    }

    /// A direct flow: one sendfile(2) from a stdin file, or one splice(2) from a pipe
    /// into a socket or from a socket into an end's own pipe. Refused (EINVAL: no such
    /// path between these two), the flow reads and writes from then on.
    fn straight(&mut self, src: &mut End, dst: &mut End) -> Result<bool, Broke> {
        if self.eof {
            return Ok(false);
        }
        let (from, to) = (src.read_fd(), dst.write_fd());
        let file = src.as_stdio().is_some_and(|s| s.kind() == Input::File);
        let res = if file {
            fdio::sendfile(to, from, DIRECT_CHUNK)
        } else {
            fdio::splice(from, to, DIRECT_CHUNK, true)
        };
        match res {
            Ok(0) => {
                self.eof = true;
                Ok(true)
            }
            Ok(n) => {
                self.bytes += n as u64;
                self.way = Way::Direct { blocked: false };
                Ok(true)
            }
            // EAGAIN means "the destination is full" or "the source is empty": poll
            // tells which (a file always has bytes).
            Err(e) if fdio::would_block(&e) => {
                let blocked = file || fdio::readable_now(from);
                self.way = Way::Direct { blocked };
                Ok(false)
            }
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                if let Some(input) = src.as_stdio_mut() {
                    input.read_plainly();
                }
                self.way = Way::copy(Vec::new());
                Ok(true)
            }
            Err(e) if fdio::peer_gone(&e) => Err(Broke::Destination(e)),
            Err(e) => Err(Broke::Source(e)),
        }
    }

    /// Read what the source has ready, up to the room there is. A copying flow reads
    /// again while the source gives and room is left: a TLS source gives one record at a
    /// time, and writing each on its own would cost a call (and a wake-up of the reader
    /// at the other end) per 16 KiB.
    fn fill_up(
        &mut self,
        src: &mut End,
        observer: &mut Option<Box<dyn Observer>>,
    ) -> io::Result<bool> {
        let moved = self.fill(src, observer)?;
        if moved && !self.is_spliced() {
            while !self.eof && self.has_room() && self.fill(src, observer)? {}
        }
        Ok(moved)
    }

    /// Whether a copying flow's buffer can take more at its end.
    fn has_room(&self) -> bool {
        match &self.way {
            Way::Copy { buf, end, .. } => *end < buf.len(),
            Way::Splice { .. } | Way::Direct { .. } => false,
        }
    }

    /// Read from the source into the pipe or buffer, if there is room.
    fn fill(
        &mut self,
        src: &mut End,
        observer: &mut Option<Box<dyn Observer>>,
    ) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let got = match &mut self.way {
            Way::Splice { w, held, .. } => {
                let res = fdio::splice(src.read_fd(), w.as_raw_fd(), PIPE_SIZE, true);
                if let Ok(n) = res {
                    *held += n;
                }
                res
            }
            Way::Direct { .. } => return Ok(false),
            Way::Copy { buf, start, end } => {
                if *start == *end {
                    (*start, *end) = (0, 0);
                }
                if *end == buf.len() {
                    return Ok(false);
                }
                let res = src.read(&mut buf[*end..]);
                if let Ok(n) = res {
                    if let Some(o) = observer.as_mut() {
                        o.chunk(self.dir, &buf[*end..*end + n]);
                    }
                    *end += n;
                }
                res
            }
        };
        match got {
            Ok(0) => {
                self.eof = true;
                Ok(true)
            }
            Ok(_) => Ok(true),
            Err(e) if fdio::would_block(&e) => Ok(false),
            // A descriptor that refuses splice(2): copy from now on.
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) && self.is_spliced() => {
                self.unsplice()?;
                Ok(true)
            }
            Err(e) => Err(e),
        }
    }

    /// Give up splicing: what the pipe holds moves to a buffer, written first.
    fn unsplice(&mut self) -> io::Result<()> {
        let Way::Splice { r, held, .. } = &self.way else {
            return Ok(());
        };
        let mut bytes = vec![0; *held];
        let mut got = 0;
        while got < bytes.len() {
            match fdio::read(r.as_raw_fd(), &mut bytes[got..])? {
                0 => break,
                n => got += n,
            }
        }
        bytes.truncate(got);
        self.way = Way::copy(bytes);
        Ok(())
    }

    /// Write what is held to the destination, as far as it takes it.
    fn drain(&mut self, dst: &mut End) -> io::Result<bool> {
        if self.held() == 0 {
            return Ok(false);
        }
        let sent = match &mut self.way {
            Way::Splice { r, held, .. } => {
                let res = fdio::splice(r.as_raw_fd(), dst.write_fd(), *held, true);
                if let Ok(n) = res {
                    *held -= n;
                }
                res
            }
            Way::Direct { .. } => return Ok(false),
            Way::Copy { buf, start, end } => {
                let res = dst.write(&buf[*start..*end]);
                if let Ok(n) = res {
                    *start += n;
                }
                res
            }
        };
        match sent {
            Ok(n) => {
                self.bytes += n as u64;
                Ok(n > 0)
            }
            Err(e) if fdio::would_block(&e) => Ok(false),
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) && self.is_spliced() => {
                self.unsplice()?;
                Ok(true)
            }
            Err(e) => Err(e),
        }
    }
}
