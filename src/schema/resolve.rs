//! `resolve`'s records, one struct per kind of lookup.

use serde::Serialize;

/// `--short`: one address.
#[derive(Debug, Serialize)]
pub struct Address {
    pub address: String,
}

/// One getaddrinfo() row.
#[derive(Debug, Serialize)]
pub struct AddrInfo<'a> {
    pub family: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub protocol: &'a str,
    pub address: &'a str,
    pub port: u16,
    pub canonname: Option<&'a str>,
}

/// A reverse lookup (gethostbyaddr()).
#[derive(Debug, Serialize)]
pub struct Host<'a> {
    pub address: String,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub addresses: Vec<String>,
}

/// `--service`: one getservbyname()/getservbyport() entry.
#[derive(Debug, Serialize)]
pub struct Service<'a> {
    pub name: &'a str,
    pub port: u16,
    pub proto: &'a str,
    pub aliases: &'a [String],
}

/// `--protocol`: one getprotobyname()/getprotobynumber() entry.
#[derive(Debug, Serialize)]
pub struct Protocol<'a> {
    pub name: &'a str,
    pub number: i32,
    pub aliases: &'a [String],
}

/// `--hostname`, `--fqdn`: this host's name, and the name asked for.
#[derive(Debug, Serialize)]
pub struct Hostname<'a> {
    pub hostname: &'a str,
    pub name: &'a str,
}
