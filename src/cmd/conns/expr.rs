//! ss's filter grammar, read from the last words of `conns`.
//!
//! ```text
//! filter   := [ (state|exclude|excl) NAME ]... [ list ]
//! list     := expr ( ('or'|'|'|'||') expr | ('and'|'&'|'&&') expr | expr )...
//! expr     := '(' list ')' | ('not'|'!') expr
//!           | (src|dst) ['='|'=='|'eq'] HOST          | (src|dst) ('!='|'ne'|'neq') HOST
//!           | (sport|dport) OP PORT                   | autobound | state NAME
//! OP       := '=' '==' 'eq' (or nothing)  '!=' 'ne' 'neq'  '<' 'lt'  '>' 'gt'
//!             '<=' 'le' 'leq'  '>=' 'ge' 'geq'
//! HOST     := ADDR[/PREFIX][:PORT]  [IPV6][/PREFIX][:PORT]  *:PORT  NAME[:PORT]
//! PORT     := [:]NUMBER  [:]SERVICE  *
//! ```
//!
//! As in ss: words are split at blanks (a backslash escapes the next character), so
//! parentheses need blanks around them; `and` and `or` bind equally, left to right; two
//! expressions side by side mean `and`; `<` and `>` are the negations of `>=` and `<=`;
//! numbers may be hex (`0x16`) or octal (`026`); IPv4 addresses may be short (`10/8`
//! is 10.0.0.0/8, `127.1` is 127.1.0.0); an IPv6 address with a port needs brackets
//! (`[::1]:22`); a name stands for the addresses it resolves to.

use std::net::IpAddr;

use crate::diag::States;
use crate::diag::filter::{AddrPrefix, Expr, HostCond};
use crate::endpoint::{Proto, service_port};
use crate::error::{Failure, usage};

/// The leading state words and the expression after them.
#[derive(Debug, Default)]
pub struct Filter {
    /// `state NAME` / `exclude NAME` words, as ss reads them (`None`: none given).
    pub states: Option<States>,
    pub expr: Option<Expr>,
}

/// Parse the last words of `conns`. `protos` decides which services database a port
/// name is looked up in; `state_set` reads a state name or group.
pub fn parse(
    words: &[String],
    protos: &[Proto],
    unix: bool,
    state_set: impl Fn(&str) -> Result<States, Failure>,
) -> Result<Filter, Failure> {
    let mut f = Filter::default();
    let mut rest = words;
    // ss reads these as whole words before the expression
    while let [first, name, tail @ ..] = rest {
        let set = match first.as_str() {
            "state" => state_set(name)?,
            "exclude" | "excl" => States(States::ALL.0 & !state_set(name)?.0),
            _ => break,
        };
        let exclude = first != "state";
        let now = f
            .states
            .unwrap_or(if exclude { States::ALL } else { States(0) });
        f.states = Some(if exclude {
            States(now.0 & set.0)
        } else {
            now | set
        });
        rest = tail;
    }
    if let [word] = rest
        && matches!(word.as_str(), "state" | "exclude" | "excl")
    {
        return Err(bad(word, "a state name must follow"));
    }
    let tokens = tokens(rest);
    if tokens.is_empty() {
        return Ok(f);
    }
    let mut p = Parser {
        tokens: &tokens,
        at: 0,
        protos,
        unix,
        state_set: &state_set,
    };
    let e = p.list()?;
    if let Some(t) = p.peek() {
        return Err(bad(t, "unexpected here (a ')' without its '('?)"));
    }
    f.expr = Some(e);
    Ok(f)
}

fn bad(word: &str, why: impl Into<String>) -> Failure {
    usage(format!("filter expression at '{word}'"), why.into())
}

/// ss's tokenizer (get_token_from_line): blanks split, a backslash escapes.
fn tokens(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        let mut cur = String::new();
        let mut chars = w.chars();
        while let Some(c) = chars.next() {
            match c {
                ' ' | '\t' => {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                }
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

fn op_of(t: &str) -> Option<Op> {
    Some(match t {
        "=" | "==" | "eq" => Op::Eq,
        "!=" | "ne" | "neq" => Op::Ne,
        "<" | "lt" => Op::Lt,
        ">" | "gt" => Op::Gt,
        "<=" | "le" | "leq" => Op::Le,
        ">=" | "ge" | "geq" => Op::Ge,
        _ => return None,
    })
}

fn is_and(t: &str) -> bool {
    matches!(t, "and" | "&" | "&&")
}

fn is_or(t: &str) -> bool {
    matches!(t, "or" | "|" | "||")
}

fn starts_expr(t: &str) -> bool {
    matches!(
        t,
        "(" | "!" | "not" | "src" | "dst" | "sport" | "dport" | "autobound" | "state"
    )
}

struct Parser<'a, F> {
    tokens: &'a [String],
    at: usize,
    protos: &'a [Proto],
    /// `-x`: every host and port word is a pattern on a Unix socket's name, as in ss.
    unix: bool,
    state_set: &'a F,
}

impl<F: Fn(&str) -> Result<States, Failure>> Parser<'_, F> {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn next(&mut self, after: &str) -> Result<String, Failure> {
        match self.tokens.get(self.at) {
            Some(t) => {
                self.at += 1;
                Ok(t.clone())
            }
            None => Err(bad(after, "the expression ends too early here")),
        }
    }

    fn list(&mut self) -> Result<Expr, Failure> {
        let mut left = self.expr()?;
        while let Some(t) = self.peek() {
            let node: fn(Box<Expr>, Box<Expr>) -> Expr = if is_or(t) {
                self.at += 1;
                Expr::Or
            } else if is_and(t) {
                self.at += 1;
                Expr::And
            } else if starts_expr(t) {
                Expr::And
            } else {
                break;
            };
            let right = self.expr()?;
            left = node(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn expr(&mut self) -> Result<Expr, Failure> {
        let before = self
            .at
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or("", String::as_str)
            .to_string();
        let t = self.next(&before)?;
        match t.as_str() {
            "(" => self.group(),
            "!" | "not" => Ok(Expr::Not(Box::new(self.expr()?))),
            "autobound" => Ok(Expr::Autobound),
            "state" => {
                let name = self.next(&t)?;
                Ok(Expr::State((self.state_set)(&name)?))
            }
            "src" | "dst" => self.host_expr(&t),
            "sport" | "dport" => self.port_expr(&t),
            "dev" | "fwmark" | "cgroup" => Err(bad(
                &t,
                "ss's dev, fwmark and cgroup conditions are not supported",
            )),
            other if is_and(other) || is_or(other) => {
                Err(bad(other, "an operator needs an expression before it"))
            }
            ")" => Err(bad(")", "an empty '( )' or a ')' without its '('")),
            other if op_of(other).is_some() => Err(bad(
                other,
                "a comparison needs sport, dport, src or dst before it",
            )),
            other => Err(bad(
                other,
                "expected src, dst, sport, dport, state, autobound, not or '('",
            )),
        }
    }

    /// `( list )`, after its `(`.
    fn group(&mut self) -> Result<Expr, Failure> {
        let e = self.list()?;
        match self.peek() {
            Some(")") => {
                self.at += 1;
                Ok(e)
            }
            Some(other) => Err(bad(other, "expected ')'")),
            None => Err(bad("(", "this '(' is never closed")),
        }
    }

    /// `src HOST`, `dst != HOST` (`word` is `src` or `dst`); with `-x` HOST is a pattern
    /// on the socket's name.
    fn host_expr(&mut self, word: &str) -> Result<Expr, Failure> {
        let peer = word == "dst";
        let mut host = self.next(word)?;
        let mut negate = false;
        match op_of(&host) {
            Some(Op::Eq) => host = self.next(&host)?,
            Some(Op::Ne) => {
                negate = true;
                host = self.next(&host)?;
            }
            Some(_) => {
                return Err(bad(
                    &host,
                    format!("{word} takes '=' or '!=' (compare ports with sport/dport)"),
                ));
            }
            None => {}
        }
        let e = if self.unix {
            unix_name(peer, &host)?
        } else {
            Expr::Host {
                peer,
                cond: self.host(&host)?,
            }
        };
        Ok(if negate { Expr::Not(Box::new(e)) } else { e })
    }

    /// `sport OP PORT`, `dport PORT` (`word` is `sport` or `dport`).
    fn port_expr(&mut self, word: &str) -> Result<Expr, Failure> {
        let peer = word == "dport";
        let mut port_word = self.next(word)?;
        let op = match op_of(&port_word) {
            Some(op) => {
                port_word = self.next(&port_word)?;
                op
            }
            None => Op::Eq,
        };
        let not = |e| Expr::Not(Box::new(e));
        // `<` and `>` are the negations of `>=` and `<=`
        let compare = |port: i32| {
            let cmp = |ge| Expr::PortCmp { peer, ge, port };
            match op {
                Op::Ge => Some(cmp(true)),
                Op::Le => Some(cmp(false)),
                Op::Gt => Some(not(cmp(false))),
                Op::Lt => Some(not(cmp(true))),
                Op::Eq | Op::Ne => None,
            }
        };
        if self.unix {
            // ss reads the word as a name pattern, and a Unix socket has no port for
            // the comparisons
            return match compare(-1) {
                Some(e) => Ok(e),
                None if op == Op::Eq => unix_name(peer, &port_word),
                None => Ok(not(unix_name(peer, &port_word)?)),
            };
        }
        let port = self.port(&port_word)?;
        let same = || Expr::Host {
            peer,
            cond: HostCond {
                port,
                addrs: Vec::new(),
            },
        };
        Ok(match compare(port) {
            Some(e) => e,
            None if op == Op::Eq => same(),
            None => not(same()),
        })
    }

    /// A port word: `:22`, `22`, `0x16`, `ssh`, `*` (any: -1).
    fn port(&self, word: &str) -> Result<i32, Failure> {
        let p = word.strip_prefix(':').unwrap_or(word);
        port_value(p, self.protos).map_err(|why| bad(word, why))
    }

    /// ss's parse_hostcond for `src`/`dst`.
    fn host(&self, word: &str) -> Result<HostCond, Failure> {
        let fail = |why: &str| bad(word, why.to_string());
        let (addr, port): (&str, Option<&str>) = if let Some(r) = word.strip_prefix('[') {
            let Some((a, p)) = r.split_once(']') else {
                return Err(fail("a '[' without its ']'"));
            };
            (a, Some(p))
        } else if let Some(p) = word.strip_prefix('*') {
            ("*", Some(p))
        } else {
            // the last ':' after any '/' starts the port
            let from = word.find('/').unwrap_or(0);
            match word[from..].rfind(':') {
                Some(i) => (&word[..from + i], Some(&word[from + i..])),
                None => (word, None),
            }
        };
        let mut cond = HostCond {
            port: -1,
            addrs: Vec::new(),
        };
        if let Some(p) = port {
            let p = p.strip_prefix(':').unwrap_or(p);
            if !p.is_empty() && p != "*" {
                cond.port = port_value(p, self.protos).map_err(|why| fail(&why))?;
            }
        }
        if !addr.is_empty() && addr != "*" {
            cond.addrs = prefix(addr).map(|a| vec![a]).or_else(|| resolve(addr)).ok_or_else(
                || fail("an address, ADDR/PREFIX or host name is expected (IPv6 with a port: [::1]:22)"),
            )?;
        }
        Ok(cond)
    }
}

/// A Unix name pattern (`unix:` may lead it, as in ss).
fn unix_name(peer: bool, word: &str) -> Result<Expr, Failure> {
    let pattern = word.strip_prefix("unix:").unwrap_or(word);
    for other in ["inet:", "inet6:", "link:", "netlink:", "vsock:"] {
        if word.starts_with(other) {
            return Err(bad(word, "-x compares Unix socket names only"));
        }
    }
    Ok(Expr::UnixName {
        peer,
        pattern: pattern.to_string(),
    })
}

/// ss's port number (strtol, any base) or a service name of the protocols shown.
fn port_value(p: &str, protos: &[Proto]) -> Result<i32, String> {
    if p == "*" {
        return Ok(-1);
    }
    if let Some(n) = c_integer(p) {
        return i32::try_from(n).map_err(|_| "port number out of range".to_string());
    }
    let mut found: Option<u16> = None;
    for &proto in protos {
        if let Some(port) = service_port(p, proto) {
            if found.is_some_and(|f| f != port) {
                return Err(format!("ambiguous port '{p}' (differs for tcp and udp)"));
            }
            found = Some(port);
        }
    }
    found
        .map(i32::from)
        .ok_or_else(|| format!("'{p}' does not look like a port (a number or a service name)"))
}

/// strtol(text, base 0) that must take the whole text.
fn c_integer(text: &str) -> Option<i64> {
    let (neg, t) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, h)
    } else if t.len() > 1 && t.starts_with('0') {
        (8, &t[1..])
    } else {
        (10, t)
    };
    if digits.is_empty() {
        return None;
    }
    let n = i64::from_str_radix(digits, radix).ok()?;
    Some(if neg { -n } else { n })
}

/// ss's get_prefix_1: `default`/`any`/`all`, an IPv6 literal, or an IPv4 address in
/// iproute2's loose form (1 to 4 parts, each any base), each with an optional /LEN.
fn prefix(text: &str) -> Option<AddrPrefix> {
    let (addr, len) = match text.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (text, None),
    };
    let mut bytes = [0u8; 16];
    let family = if matches!(addr, "default" | "any" | "all") {
        // no length, and no family: every address
        return len.is_none().then_some(AddrPrefix {
            family: 0,
            bytes,
            bits: 0,
        });
    } else if addr.contains(':') {
        let v6: std::net::Ipv6Addr = addr.parse().ok()?;
        bytes = v6.octets();
        libc::AF_INET6 as u8
    } else {
        let parts: Vec<&str> = addr.split('.').collect();
        if parts.is_empty() || parts.len() > 4 {
            return None;
        }
        for (i, part) in parts.iter().enumerate() {
            let n = c_integer(part).filter(|n| (0..=255).contains(n))?;
            if part.starts_with(['-', '+']) {
                return None;
            }
            bytes[i] = n as u8;
        }
        libc::AF_INET as u8
    };
    let max = if family == libc::AF_INET6 as u8 {
        128
    } else {
        32
    };
    let bits = match len {
        Some(l) => {
            let n = c_integer(l).filter(|n| (0..=max).contains(n))?;
            if l.starts_with(['-', '+']) {
                return None;
            }
            n as u8
        }
        None => max as u8,
    };
    Some(AddrPrefix {
        family,
        bytes,
        bits,
    })
}

/// A host name as ss resolves it (gethostbyname2 for IPv4, then IPv6): every address.
fn resolve(name: &str) -> Option<Vec<AddrPrefix>> {
    if name.is_empty() || name.contains('/') {
        return None;
    }
    let addrs = dns_lookup::lookup_host(name).ok()?;
    let mut v4: Vec<AddrPrefix> = Vec::new();
    let mut v6: Vec<AddrPrefix> = Vec::new();
    for ip in addrs {
        let mut bytes = [0u8; 16];
        let p = match ip {
            IpAddr::V4(a) => {
                bytes[..4].copy_from_slice(&a.octets());
                AddrPrefix {
                    family: libc::AF_INET as u8,
                    bytes,
                    bits: 32,
                }
            }
            IpAddr::V6(a) => AddrPrefix {
                family: libc::AF_INET6 as u8,
                bytes: a.octets(),
                bits: 128,
            },
        };
        let list = if p.family == libc::AF_INET as u8 {
            &mut v4
        } else {
            &mut v6
        };
        if !list.contains(&p) {
            list.push(p);
        }
    }
    v4.append(&mut v6);
    (!v4.is_empty()).then_some(v4)
}

/// The state words of ss's STATE-FILTER, for the tests here.
#[cfg(test)]
fn any_state(name: &str) -> Result<States, Failure> {
    use crate::diag::state;
    match name {
        "established" => Ok(States::of(state::ESTABLISHED)),
        "listening" => Ok(States::of(state::LISTEN)),
        _ => Err(usage(format!("state '{name}'"), "unknown")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::state;

    fn p(text: &str) -> Result<Filter, Failure> {
        let words: Vec<String> = text.split(' ').map(String::from).collect();
        parse(&words, &[Proto::Tcp], false, any_state)
    }

    fn e(text: &str) -> Expr {
        p(text).unwrap().expr.unwrap()
    }

    #[test]
    fn and_or_bind_equally_left_to_right() {
        // a or b and c  ==  (a or b) and c
        let x = e("sport = :1 or sport = :2 and dport = :3");
        assert!(matches!(x, Expr::And(ref l, _) if matches!(**l, Expr::Or(..))));
        // juxtaposition is and
        assert!(matches!(e("sport = :1 dport = :2"), Expr::And(..)));
        assert!(
            matches!(e("not sport = :1 and dport = :2"), Expr::And(ref l, _) if matches!(**l, Expr::Not(_)))
        );
    }

    #[test]
    fn ports_and_hosts() {
        assert_eq!(
            e("dport = :0x16"),
            Expr::Host {
                peer: true,
                cond: HostCond {
                    port: 22,
                    addrs: vec![]
                }
            }
        );
        assert!(matches!(e("sport > :1024"), Expr::Not(_)));
        assert!(matches!(
            e("sport ssh"),
            Expr::Host {
                cond: HostCond { port: 22, .. },
                ..
            }
        ));
        let Expr::Host { cond, .. } = e("dst 10/8") else {
            panic!()
        };
        assert_eq!((cond.addrs[0].bytes[0], cond.addrs[0].bits), (10, 8));
        let Expr::Host { cond, .. } = e("dst [::1]:443") else {
            panic!()
        };
        assert_eq!((cond.port, cond.addrs[0].bits), (443, 128));
        let Expr::Host { cond, .. } = e("src 127.1") else {
            panic!()
        };
        assert_eq!(&cond.addrs[0].bytes[..4], &[127, 1, 0, 0]);
        assert_eq!(p("").unwrap().expr, None);
    }

    #[test]
    fn leading_state_words() {
        let f = p("state established dport = :22").unwrap();
        assert_eq!(f.states, Some(States::of(state::ESTABLISHED)));
        assert!(f.expr.is_some());
        let f = p("exclude listening").unwrap();
        assert!(!f.states.unwrap().contains(state::LISTEN));
    }

    #[test]
    fn bad_expressions_name_the_word() {
        for (text, word) in [
            ("dport = :", "':'"),
            ("( sport = :1", "'('"),
            ("sport = :1 )", "')'"),
            ("dst ::1", "'::1'"),
            ("src 10.0.0.0/33", "'10.0.0.0/33'"),
            ("bogus", "'bogus'"),
            ("sport = :1 and", "'and'"),
            ("dst < 10.0.0.1", "'<'"),
            ("dport = :nosuchservice", "'nosuchservice'"),
            ("dev lo", "'dev'"),
        ] {
            let err = p(text).unwrap_err();
            assert_eq!(err.code, 2, "{text}");
            assert!(err.message.contains(word), "{text}: {}", err.message);
        }
    }
}
