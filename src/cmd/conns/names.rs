//! `-r`: host and service names for the table and the JSON records.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::endpoint::{self, Proto};

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
            .or_insert_with(|| endpoint::service_name(port, proto))
            .clone()
    }
}
