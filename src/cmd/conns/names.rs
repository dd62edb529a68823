//! `-r`: host and service names for the table and the JSON records.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::endpoint::Proto;

/// `-r`: host and service names, each looked up once per run.
pub struct Names {
    pub on: bool,
    hosts: HashMap<IpAddr, Option<String>>,
    services: HashMap<(u16, &'static str), Option<String>>,
}

impl Names {
    pub fn new(on: bool) -> Names {
        Names {
            on,
            hosts: HashMap::new(),
            services: HashMap::new(),
        }
    }

    pub fn host(&mut self, ip: IpAddr) -> Option<String> {
        if !self.on || ip.is_unspecified() {
            return None;
        }
        self.hosts
            .entry(ip)
            .or_insert_with(|| {
                dns_lookup::lookup_addr(&ip)
                    .ok()
                    .filter(|n| n.parse::<IpAddr>().is_err())
            })
            .clone()
    }

    pub fn port(&mut self, port: u16, proto: Proto) -> Option<String> {
        if !self.on || port == 0 {
            return None;
        }
        self.services
            .entry((port, proto.name()))
            .or_insert_with(|| service_name(port, proto))
            .clone()
    }
}

/// getservbyport(3): the service name of a port, if it has one.
fn service_name(port: u16, proto: Proto) -> Option<String> {
    let cproto = std::ffi::CString::new(proto.name()).ok()?;
    // SAFETY: the result points to static storage, read at once; sockkit looks services
    // up from one thread.
    let ent = unsafe { libc::getservbyport(i32::from(port.to_be()), cproto.as_ptr()) };
    if ent.is_null() {
        return None;
    }
    // SAFETY: a non-null servent has a NUL-terminated name.
    let name = unsafe { std::ffi::CStr::from_ptr((*ent).s_name) };
    Some(name.to_string_lossy().into_owned())
}
