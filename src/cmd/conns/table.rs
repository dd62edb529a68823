//! The plain table of `conns`: five fixed columns, then Memory, Process and Info when
//! asked for, widths that fit every row.

use std::net::{IpAddr, SocketAddr};

use super::names::Names;
use crate::diag::{self, Owner, Socket, state};
use crate::endpoint::Proto;
use crate::options::Ctx;
use crate::output::{RecordBatch, Style};

const HEADERS: [&str; 5] = [
    "State",
    "Recv-Q",
    "Send-Q",
    "Local Address:Port",
    "Peer Address:Port",
];

/// Columns that options add after the five fixed ones, always in this order; `Info` has
/// spaces inside, so it comes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Timer,
    Ext,
    Memory,
    Process,
    Info,
}

impl Extra {
    pub fn chosen(
        timers: bool,
        ext: bool,
        memory: bool,
        processes: bool,
        info: bool,
    ) -> Vec<Extra> {
        [
            (timers, Extra::Timer),
            (ext, Extra::Ext),
            (memory, Extra::Memory),
            (processes, Extra::Process),
            (info, Extra::Info),
        ]
        .into_iter()
        .filter_map(|(on, e)| on.then_some(e))
        .collect()
    }

    fn header(self) -> &'static str {
        match self {
            Extra::Timer => "Timer",
            Extra::Ext => "Details",
            Extra::Memory => "Memory",
            Extra::Process => "Process",
            Extra::Info => "Info",
        }
    }

    fn push(self, t: &mut String, s: &Socket) {
        match self {
            Extra::Timer => push_timer(t, s),
            Extra::Ext => push_ext(t, s),
            Extra::Memory => push_memory(t, s),
            Extra::Process => push_owners(t, &s.owners),
            Extra::Info => push_info(t, s),
        }
    }
}

/// The plain table, in two passes over the rows: one for the column widths, one that
/// writes each line straight into the output buffer, so 20,000 rows cost a handful of
/// allocations.
pub struct Table<'a> {
    sockets: &'a [Socket],
    order: &'a [usize],
    extras: Vec<Extra>,
    widths: [usize; 5],
    extra_widths: Vec<usize>,
}

impl<'a> Table<'a> {
    pub fn new(
        sockets: &'a [Socket],
        order: &'a [usize],
        names: &mut Names,
        extras: Vec<Extra>,
    ) -> Self {
        let mut widths: [usize; 5] = std::array::from_fn(|i| HEADERS[i].len());
        let mut extra_widths: Vec<usize> = extras.iter().map(|e| e.header().len()).collect();
        let mut scratch = String::new();
        for &i in order {
            let s = &sockets[i];
            widths[0] = widths[0].max(diag::state_name(s.state).len());
            widths[1] = widths[1].max(digits(s.recv_q));
            widths[2] = widths[2].max(digits(s.send_q));
            widths[3] = widths[3].max(endpoint_len(&mut scratch, Some(s.local), s.proto, names));
            widths[4] = widths[4].max(endpoint_len(&mut scratch, s.remote, s.proto, names));
            for (e, w) in extras.iter().zip(&mut extra_widths) {
                scratch.clear();
                e.push(&mut scratch, s);
                *w = (*w).max(scratch.len());
            }
        }
        Table {
            sockets,
            order,
            extras,
            widths,
            extra_widths,
        }
    }

    /// Never narrower than `floor`, which then remembers these widths.
    pub fn keep_widths(&mut self, floor: &mut Vec<usize>) {
        keep_widths(
            self.widths.iter_mut().chain(self.extra_widths.iter_mut()),
            floor,
        );
    }

    pub fn write(
        &self,
        ctx: &Ctx,
        out: &mut RecordBatch,
        names: &mut Names,
        header: bool,
    ) -> anyhow::Result<()> {
        let w = self.widths;
        let mut line = String::with_capacity(256);
        for (i, h) in HEADERS.iter().enumerate() {
            pad(&mut line, h, w[i], i == 1 || i == 2);
        }
        for (e, ew) in self.extras.iter().zip(&self.extra_widths) {
            pad(&mut line, e.header(), *ew, false);
        }
        if header {
            out.line(&ctx.out.paint(line.trim_end(), Style::Header));
        }
        // The state column painted once per state, not once per row.
        let mut painted: [Option<String>; 16] = Default::default();
        let mut extra = String::new();
        for (n, &i) in self.order.iter().enumerate() {
            // written out in pieces, so the buffer stays small and warm
            if n % 512 == 511 {
                out.flush()?;
            }
            let s = &self.sockets[i];
            let state = painted[usize::from(s.state & 15)].get_or_insert_with(|| {
                let padded = format!("{:<w$}", diag::state_name(s.state), w = w[0]);
                match s.state {
                    state::ESTABLISHED => ctx.out.paint(&padded, Style::Good),
                    state::LISTEN | state::CLOSE => padded,
                    _ => ctx.out.paint(&padded, Style::Warn),
                }
            });
            line.clear();
            line.push_str(state);
            line.push(' ');
            push_right(&mut line, s.recv_q, w[1]);
            push_right(&mut line, s.send_q, w[2]);
            push_column(&mut line, w[3], |l| {
                push_socket_addr(l, Some(s.local), s.proto, names)
            });
            push_column(&mut line, w[4], |l| {
                push_socket_addr(l, s.remote, s.proto, names)
            });
            for (e, ew) in self.extras.iter().zip(&self.extra_widths) {
                extra.clear();
                e.push(&mut extra, s);
                let fill = ew.saturating_sub(extra.len());
                if *e == Extra::Process && !extra.is_empty() {
                    line.push_str(&ctx.out.paint(&extra, Style::Dim));
                } else {
                    line.push_str(&extra);
                }
                line.extend(std::iter::repeat_n(' ', fill + 1));
            }
            line.truncate(line.trim_end().len());
            out.line(&line);
        }
        Ok(())
    }
}

/// `timer:(keepalive,119min,0)`, as ss -o writes it.
fn push_timer(t: &mut String, s: &Socket) {
    if let Some(tm) = s.timer {
        t.push_str("timer:(");
        t.push_str(tm.kind);
        t.push(',');
        t.push_str(&ms_timer(tm.expires_ms));
        t.push(',');
        push_num(t, tm.retrans);
        t.push(')');
    }
}

/// ss's print_ms_timer: `119min`, `1min30sec`, `5.123ms`-style `5.123`+`ms`, `200ms`.
pub fn ms_timer(timeout: u32) -> String {
    let mut secs = timeout / 1000;
    let minutes = secs / 60;
    secs %= 60;
    let mut msecs = timeout % 1000;
    let mut buf = String::new();
    if minutes > 0 {
        msecs = 0;
        buf.push_str(&format!("{minutes}min"));
        if minutes > 9 {
            secs = 0;
        }
    }
    if secs > 0 {
        if secs > 9 {
            msecs = 0;
        }
        buf.push_str(&format!("{secs}{}", if msecs > 0 { "." } else { "sec" }));
    }
    if msecs > 0 {
        buf.push_str(&format!("{msecs:03}ms"));
    }
    buf
}

/// `uid:1000 ino:12345 sk:1a2b`, as ss -e writes them.
fn push_ext(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    if let Some(uid) = s.uid {
        let _ = write!(t, "uid:{uid} ");
    }
    let _ = write!(t, "ino:{} sk:{:x}", s.inode.unwrap_or(0), s.cookie);
}

/// `skmem:(r0,rb131072,t0,tb2626560,f0,w0,o0,bl0,d0)`, as ss -m writes it.
fn push_memory(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    if let Some(m) = s.memory.as_deref() {
        let _ = write!(
            t,
            "skmem:(r{},rb{},t{},tb{},f{},w{},o{},bl{},d{})",
            m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
        );
    }
}

/// `cubic rtt=0.05/0.02ms rto=201ms mss=32768 cwnd=10 retrans=0/0 ...`
fn push_info(t: &mut String, s: &Socket) {
    use std::fmt::Write;
    let Some(i) = s.info.as_deref() else {
        return;
    };
    if let Some(c) = &i.congestion {
        let _ = write!(t, "{c} ");
    }
    let ms = |us: u32| f64::from(us) / 1000.0;
    let _ = write!(
        t,
        "rtt={:.3}/{:.3}ms rto={}ms mss={} cwnd={}",
        ms(i.rtt_us),
        ms(i.rttvar_us),
        i.rto_us / 1000,
        i.snd_mss,
        i.cwnd
    );
    if let Some(ss) = i.ssthresh {
        let _ = write!(t, " ssthresh={ss}");
    }
    let _ = write!(
        t,
        " unacked={} lost={} retrans={}/{}",
        i.unacked, i.lost, i.retransmits, i.total_retrans
    );
    if let (Some(a), Some(r)) = (i.bytes_acked, i.bytes_received) {
        let _ = write!(t, " bytes_acked={a} bytes_received={r}");
    }
}

/// Column widths never narrower than `floor`'s, which then remembers them, so that a
/// `--watch` refresh keeps its columns where the last one had them. A floor of another
/// length (none yet) only remembers.
pub fn keep_widths<'w>(widths: impl Iterator<Item = &'w mut usize>, floor: &mut Vec<usize>) {
    let mut mine: Vec<&mut usize> = widths.collect();
    if floor.len() == mine.len() {
        for (w, f) in mine.iter_mut().zip(floor.iter()) {
            **w = (**w).max(*f);
        }
    }
    *floor = mine.into_iter().map(|w| *w).collect();
}

/// A number right-aligned in `width`, and a column gap.
fn push_right(line: &mut String, n: u32, width: usize) {
    line.extend(std::iter::repeat_n(' ', width.saturating_sub(digits(n))));
    push_num(line, n);
    line.push(' ');
}

/// A decimal number without the formatting machinery (the table's hot path).
pub fn push_num(t: &mut String, n: impl Into<u64>) {
    let mut n: u64 = n.into();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    t.extend(buf[i..].iter().map(|&d| char::from(d)));
}

/// Append what `fill` writes, padded to `width`, and a column gap.
fn push_column(line: &mut String, width: usize, fill: impl FnOnce(&mut String)) {
    let start = line.len();
    fill(line);
    let fill = width.saturating_sub(line.len() - start);
    line.extend(std::iter::repeat_n(' ', fill + 1));
}

/// An endpoint as the table shows it; `*:*` for no peer.
fn push_socket_addr(t: &mut String, addr: Option<SocketAddr>, proto: Proto, names: &mut Names) {
    match addr {
        Some(a) => {
            let host = names.host(a.ip());
            let service = names.port(a.port(), proto);
            push_endpoint(t, a, host.as_deref(), service.as_deref());
        }
        None => t.push_str("*:*"),
    }
}

/// The length of [`push_socket_addr`]'s text; numeric IPv4, the common case by far, is
/// counted without formatting it.
fn endpoint_len(
    scratch: &mut String,
    addr: Option<SocketAddr>,
    proto: Proto,
    names: &mut Names,
) -> usize {
    match addr {
        Some(SocketAddr::V4(a)) if !names.on => {
            let octets: usize = a.ip().octets().iter().map(|&o| digits(o.into())).sum();
            octets + 3 + 1 + digits(a.port().into())
        }
        _ => {
            scratch.clear();
            push_socket_addr(scratch, addr, proto, names);
            scratch.len()
        }
    }
}

/// `text` padded to `width` and a column gap.
pub(super) fn pad(line: &mut String, text: &str, width: usize, right: bool) {
    let fill = width.saturating_sub(text.chars().count());
    if right {
        line.extend(std::iter::repeat_n(' ', fill));
        line.push_str(text);
    } else {
        line.push_str(text);
        line.extend(std::iter::repeat_n(' ', fill));
    }
    line.push(' ');
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// `127.0.0.1:80`, `[::1]:80`, or with `-r` `localhost:http`.
fn push_endpoint(t: &mut String, addr: SocketAddr, host: Option<&str>, service: Option<&str>) {
    use std::fmt::Write;
    match (host, addr.ip()) {
        (Some(h), _) => t.push_str(h),
        (None, IpAddr::V6(v6)) => {
            let _ = write!(t, "[{v6}]");
        }
        (None, IpAddr::V4(v4)) => {
            for (i, o) in v4.octets().into_iter().enumerate() {
                if i > 0 {
                    t.push('.');
                }
                push_num(t, o);
            }
        }
    }
    t.push(':');
    match service {
        Some(name) => t.push_str(name),
        None => push_num(t, addr.port()),
    }
}

/// `python3(pid=42,fd=7),nginx(pid=43,fd=7)`
pub(super) fn push_owners(t: &mut String, owners: &[Owner]) {
    use std::fmt::Write;
    for (i, o) in owners.iter().enumerate() {
        if i > 0 {
            t.push(',');
        }
        let _ = match o.fd {
            Some(fd) => write!(t, "{}(pid={},fd={})", o.name, o.pid, fd),
            None => write!(t, "{}(pid={})", o.name, o.pid),
        };
    }
}
