use std::collections::BTreeSet;

use super::*;

/// One event of every kind, with made-up values.
fn samples() -> Vec<Event<'static>> {
    [
        listening(),
        streams(),
        connecting(),
        commands(),
        datagrams(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Listening and accepting.
fn listening() -> Vec<Event<'static>> {
    let peer = "127.0.0.1:5000";
    vec![
        Event::Listening {
            address: "0.0.0.0:4000",
            tls: true,
            fingerprint: Some("sha256:ab"),
            self_signed: true,
        },
        Event::ForwardListening {
            address: "0.0.0.0:4000",
            target: "127.0.0.1:80",
        },
        Event::DatagramListening {
            address: "0.0.0.0:5001",
        },
        Event::BindFailed {
            address: "[::]:4000",
            error: "address in use",
        },
        Event::StaleSocket { path: "/tmp/s" },
        Event::Certificate {
            fingerprint: "sha256:ab",
            self_signed: false,
        },
        Event::Accepted { peer },
        Event::Denied { peer },
        Event::Refused {
            peer,
            reason: "max-conns",
        },
        Event::Short {
            reason: "too many open files",
        },
        Event::Aborted {
            reason: "software caused connection abort",
        },
        Event::Accepting {},
        Event::TlsFailed {
            peer,
            error: "bad certificate",
        },
        Event::TlsAccepted {
            peer,
            protocol: "TLSv1.3",
            cipher: "TLS_AES_128_GCM_SHA256",
            client_subject: None,
        },
        Event::TlsEnd {
            peer,
            reason: "idle",
        },
        Event::Exited {
            peer,
            status: Some(0),
        },
    ]
}

/// Streams and forwarding.
fn streams() -> Vec<Event<'static>> {
    let peer = "127.0.0.1:5000";
    vec![
        Event::Closed {
            peer,
            bytes_in: 1,
            bytes_out: 2,
        },
        Event::Stats {
            peer,
            bytes_in: 1,
            bytes_out: 2,
            seconds: 0.5,
            bytes_per_second: 6,
        },
        Event::Unsent {
            peer,
            bytes_sent_after_close: 3,
        },
        Event::Dropped {
            peer,
            reason: "not-reading",
            bytes_queued: 4,
        },
        Event::Idle {
            peer,
            reason: "idle-timeout",
        },
        Event::ClientError {
            peer,
            error: "connection reset by peer",
        },
        Event::TargetConnected {
            peer,
            target: "127.0.0.1:80",
            ms: 0.1,
        },
        Event::TargetFailed {
            peer,
            target: "127.0.0.1:80",
            reason: "connection refused",
        },
        Event::ForwardClosed {
            peer,
            bytes_in: 1,
            bytes_out: 2,
            seconds: 0.5,
            end: "closed",
            reason: None,
        },
    ]
}

/// Connecting, scanning.
fn connecting() -> Vec<Event<'static>> {
    let peer = "127.0.0.1:5000";
    vec![
        Event::Connected { peer, ms: 0.1 },
        Event::ProxyConnected {
            peer,
            proxy: true,
            ms: 0.1,
        },
        Event::Proxied {
            proxy: "socks5://127.0.0.1:1080",
            target: "example.com:80",
        },
        Event::ConnectFailed {
            peer,
            error: "connection refused",
        },
        Event::Retry {
            peer,
            error: "connection refused",
            tries: 2,
        },
        Event::ConnectReady {
            peer,
            tries: 3,
            ms: 200.0,
        },
        Event::TlsSession {
            protocol: "TLSv1.3",
            cipher: "TLS_AES_128_GCM_SHA256",
            alpn: Some("h2"),
            handshake_ms: 1.5,
        },
        Event::Handshake {
            peer,
            protocol: "TLSv1.3",
            cipher: "TLS_AES_128_GCM_SHA256",
            ms: 1.5,
        },
        Event::ScanStart {
            host: "127.0.0.1",
            name: "localhost",
            hosts: 1,
            ports: 2,
            concurrency: 2,
            timeout_ms: 1000.0,
        },
        Event::ScanDone {
            host: "127.0.0.1",
            hosts: 1,
            ports: 2,
            open: 1,
            closed: 1,
            timeout: 0,
            seconds: 0.01,
        },
    ]
}

/// resolve, ping, wait.
fn commands() -> Vec<Event<'static>> {
    let peer = "127.0.0.1:5000";
    vec![
        Event::Lookup {
            lookup: "getaddrinfo(localhost)",
            ms: 0.2,
        },
        Event::PingStart {
            peer,
            host: "localhost",
            count: None,
            tls: false,
            proxy: None,
            interval_ms: 1000.0,
            timeout_ms: 2000.0,
        },
        Event::WaitStart {
            targets: vec!["127.0.0.1:80"],
            any: false,
            deadline_ms: 30000.0,
        },
        Event::Attempt {
            target: "127.0.0.1:80",
            attempt: 1,
            error: "connection refused",
            ms: 0.1,
        },
        Event::Ready {
            target: "127.0.0.1:80",
            attempt: 2,
            ms: 0.1,
        },
        Event::AllReady { seconds: 0.3 },
    ]
}

/// Datagrams, sockets, and the events of every command.
fn datagrams() -> Vec<Event<'static>> {
    vec![
        Event::Sending {
            to: "127.0.0.1:5001",
            from: "127.0.0.1:40000",
        },
        Event::DatagramRefused {
            to: "127.0.0.1:5001",
            error: "connection refused",
        },
        Event::NoReply {
            from: "127.0.0.1:5001",
            waited_ms: 1000.0,
        },
        Event::Sent {
            datagrams: 1,
            bytes: 4,
            seconds: 0.001,
            per_second: 1000.0,
            replies: Some(1),
        },
        Event::Joined {
            group: "239.1.1.1",
            ifindex: 0,
        },
        Event::Icmp {
            error: "connection refused",
        },
        Event::Exec {
            to: "127.0.0.1:40000",
            exit: Some(0),
            reply_len: 5,
        },
        Event::Following {},
        Event::SockoptSkipped {
            option: "TCP_NODELAY",
            reason: "does not fit this socket",
        },
        Event::Syscall {
            call: "close(3) = 0",
        },
        Event::Notice {
            message: "waiting",
            hint: "-w",
        },
        Event::Warning { message: "careful" },
        Event::Error {
            what: "connect 127.0.0.1:1",
            why: "connection refused",
            hint: None,
            exit: 1,
        },
    ]
}

/// The keys of an event's JSON object, in order.
fn keys(event: &Event) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(&event.to_json()).unwrap();
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn every_event_has_the_fields_of_its_row() {
    for event in samples() {
        let doc = event.doc();
        let mut want = vec!["event".to_string()];
        want.extend(doc.fields.iter().map(|f| f.to_string()));
        assert_eq!(keys(&event), want, "{event:?}");
        let value: serde_json::Value = serde_json::from_str(&event.to_json()).unwrap();
        assert_eq!(value["event"], doc.name, "{event:?}");
    }
}

#[test]
fn every_row_has_a_sample() {
    let rows: BTreeSet<usize> = samples()
        .iter()
        .map(|e| std::ptr::from_ref(e.doc()).addr())
        .collect();
    let missing: Vec<&str> = EVENTS
        .iter()
        .filter(|d| !rows.contains(&std::ptr::from_ref(*d).addr()))
        .map(|d| d.name)
        .collect();
    assert!(missing.is_empty(), "no sample of: {missing:?}");
    assert_eq!(rows.len(), EVENTS.len());
}

#[test]
fn rows_sharing_a_name_differ_in_fields() {
    for (i, a) in EVENTS.iter().enumerate() {
        assert!(!a.meaning().is_empty(), "{}: no meaning", a.name);
        for b in &EVENTS[i + 1..] {
            assert!(
                a.name != b.name || a.fields != b.fields,
                "{}: two rows with the same fields",
                a.name
            );
        }
    }
}

#[test]
fn optional_values_are_null_not_absent() {
    let e = Event::Error {
        what: "x",
        why: "y",
        hint: None,
        exit: 2,
    };
    assert_eq!(
        e.to_json(),
        r#"{"event":"error","what":"x","why":"y","hint":null,"exit":2}"#
    );
}
