//! `--starttls smtp|imap|pop3|ftp|postgres`: the protocol's own upgrade dialogue over the
//! plain socket, before the TLS handshake, as `openssl s_client -starttls` speaks it.
//!
//! Blocking, bounded by a deadline. Each reply is read byte by byte so that nothing
//! after it (the server's first TLS record) is taken from the socket.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

use crate::cli::StartTlsProto;
use crate::error::{Failure, failed};

/// A reply line longer than this is not the protocol expected.
const MAX_LINE: usize = 4096;
/// Lines of one multi-line reply (an EHLO answer, a long FTP banner).
const MAX_LINES: usize = 200;

/// Speak `proto`'s upgrade over `sock` until the server is ready for the TLS handshake.
pub fn upgrade(
    sock: &mut TcpStream,
    proto: StartTlsProto,
    deadline: Option<Instant>,
) -> Result<(), Failure> {
    let mut talk = Talk {
        sock,
        deadline,
        proto,
    };
    match proto {
        StartTlsProto::Smtp => {
            talk.reply_code("greeting", "220")?;
            talk.send("EHLO sockkit.localdomain\r\n")?;
            talk.reply_code("EHLO", "250")?;
            talk.send("STARTTLS\r\n")?;
            talk.reply_code("STARTTLS", "220")
        }
        StartTlsProto::Ftp => {
            talk.reply_code("greeting", "220")?;
            talk.send("AUTH TLS\r\n")?;
            talk.reply_code("AUTH TLS", "234")
        }
        StartTlsProto::Pop3 => {
            talk.expect_prefix("greeting", "+OK")?;
            talk.send("STLS\r\n")?;
            talk.expect_prefix("STLS", "+OK")
        }
        StartTlsProto::Imap => {
            talk.expect_prefix("greeting", "* OK")?;
            talk.send(". STARTTLS\r\n")?;
            loop {
                let line = talk.line()?;
                if line.starts_with("* ") {
                    continue;
                }
                if line.starts_with(". OK") {
                    return Ok(());
                }
                return Err(talk.refused("STARTTLS", &line));
            }
        }
        StartTlsProto::Postgres => {
            // SSLRequest: length 8, code 80877103; the answer is one byte, S or N.
            let mut request = 8u32.to_be_bytes().to_vec();
            request.extend_from_slice(&80_877_103u32.to_be_bytes());
            talk.send_bytes(&request)?;
            match talk.byte()? {
                b'S' => Ok(()),
                b'N' => Err(failed(
                    "postgres STARTTLS",
                    "the server does not accept SSL (answered N)",
                )),
                other => Err(failed(
                    "postgres STARTTLS",
                    format!("unexpected answer byte 0x{other:02x} to SSLRequest"),
                )),
            }
        }
    }
}

struct Talk<'a> {
    sock: &'a mut TcpStream,
    deadline: Option<Instant>,
    proto: StartTlsProto,
}

impl Talk<'_> {
    fn what(&self) -> &'static str {
        match self.proto {
            StartTlsProto::Smtp => "smtp",
            StartTlsProto::Imap => "imap",
            StartTlsProto::Pop3 => "pop3",
            StartTlsProto::Ftp => "ftp",
            StartTlsProto::Postgres => "postgres",
        }
    }

    fn io_error(&self, e: &io::Error) -> Failure {
        let why = match e.kind() {
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => "timed out".to_string(),
            io::ErrorKind::UnexpectedEof => "the server closed the connection".to_string(),
            _ => crate::error::reason(e),
        };
        failed(format!("{} STARTTLS", self.what()), why)
    }

    fn arm(&self) -> Result<(), Failure> {
        let left = match self.deadline {
            None => None,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(failed(format!("{} STARTTLS", self.what()), "timed out"));
                }
                Some(left)
            }
        };
        self.sock
            .set_read_timeout(left)
            .and_then(|_| self.sock.set_write_timeout(left))
            .map_err(|e| self.io_error(&e))
    }

    fn send(&mut self, text: &str) -> Result<(), Failure> {
        self.send_bytes(text.as_bytes())
    }

    fn send_bytes(&mut self, data: &[u8]) -> Result<(), Failure> {
        self.arm()?;
        self.sock.write_all(data).map_err(|e| self.io_error(&e))
    }

    fn byte(&mut self) -> Result<u8, Failure> {
        self.arm()?;
        let mut b = [0u8; 1];
        loop {
            match self.sock.read(&mut b) {
                Ok(0) => {
                    return Err(self.io_error(&io::Error::from(io::ErrorKind::UnexpectedEof)));
                }
                Ok(_) => return Ok(b[0]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    if crate::signals::caught().is_some() {
                        return Err(failed(format!("{} STARTTLS", self.what()), "interrupted"));
                    }
                }
                Err(e) => return Err(self.io_error(&e)),
            }
        }
    }

    /// One line without its CRLF.
    fn line(&mut self) -> Result<String, Failure> {
        let mut line = Vec::new();
        loop {
            let b = self.byte()?;
            if b == b'\n' {
                break;
            }
            line.push(b);
            if line.len() > MAX_LINE {
                return Err(failed(
                    format!("{} STARTTLS", self.what()),
                    "a reply line longer than 4096 bytes",
                ));
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(String::from_utf8_lossy(&line).into_owned())
    }

    /// A numbered reply (SMTP, FTP): `NNN-` lines continue, `NNN ` ends it; its code must be `want`.
    fn reply_code(&mut self, step: &str, want: &str) -> Result<(), Failure> {
        for _ in 0..MAX_LINES {
            let line = self.line()?;
            let code = line.get(..3).unwrap_or("");
            let sep = line.as_bytes().get(3).copied();
            if !code.bytes().all(|b| b.is_ascii_digit()) || code.len() < 3 {
                // FTP allows free text inside a multi-line reply.
                if self.proto == StartTlsProto::Ftp {
                    continue;
                }
                return Err(self.refused(step, &line));
            }
            if sep == Some(b'-') {
                continue;
            }
            if code == want {
                return Ok(());
            }
            return Err(self.refused(step, &line));
        }
        Err(failed(
            format!("{} STARTTLS", self.what()),
            format!("the {step} reply never ended"),
        ))
    }

    fn expect_prefix(&mut self, step: &str, want: &str) -> Result<(), Failure> {
        let line = self.line()?;
        if line.starts_with(want) {
            Ok(())
        } else {
            Err(self.refused(step, &line))
        }
    }

    fn refused(&self, step: &str, line: &str) -> Failure {
        let shown: String = line
            .chars()
            .take(200)
            .flat_map(char::escape_debug)
            .collect();
        failed(
            format!("{} STARTTLS", self.what()),
            format!("the server answered {step} with \"{shown}\""),
        )
    }
}
