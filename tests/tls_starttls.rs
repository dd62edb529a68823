//! `sockkit tls --starttls` against real servers the test starts: aiosmtpd (SMTP),
//! pyftpdlib (FTP AUTH TLS), dovecot (IMAP and POP3), each with the test PKI's leaf.
//! A server that refuses the upgrade is exit 1 with its answer.

mod common;
mod tls_support;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Peer, json_lines, run_with};
use tls_support::{Server, free_port, pki, wait_listening};

const LIMIT: Duration = Duration::from_secs(30);

/// Debian's python3, where python3-aiosmtpd and python3-pyftpdlib are installed.
const DEBIAN_PYTHON: &str = "/usr/bin/python3";

fn starttls(proto: &str, port: u16) -> common::Run {
    let ca = pki().path("ca.pem");
    run_with(
        &[
            "tls",
            "--json",
            "--starttls",
            proto,
            "--ca",
            &ca,
            "localhost",
            &port.to_string(),
        ],
        b"",
        LIMIT,
    )
}

fn verified(r: &common::Run) {
    assert_eq!(r.code, 0, "{r:?}");
    let rec = &json_lines(&r.stdout)[0];
    assert_eq!(rec["verification"], "verified", "{rec}");
    assert_eq!(rec["chain"][0]["subject"], "CN=localhost, O=sockkit tests");
}

/// A Debian-python server script that prints its port once listening.
fn debian_python(script: &str) -> Server {
    let port = free_port();
    let script = script.replace("PORT", &port.to_string());
    let mut child = Command::new(DEBIAN_PYTHON)
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Debian's python3 (.ci/run installs python3-aiosmtpd, python3-pyftpdlib)");
    wait_listening(&mut child, port, "python server");
    Server { child, port }
}

#[test]
fn smtp_starttls_with_aiosmtpd() {
    let p = pki();
    let server = debian_python(&format!(
        r#"
import ssl, time
from aiosmtpd.controller import Controller
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain({:?}, {:?})
class Handler:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"
c = Controller(Handler(), hostname="127.0.0.1", port=PORT, tls_context=ctx)
c.start()
time.sleep(60)
"#,
        p.path("leaf.pem"),
        p.path("leaf.key")
    ));
    verified(&starttls("smtp", server.port));
}

#[test]
fn ftp_auth_tls_with_pyftpdlib() {
    let p = pki();
    let server = debian_python(&format!(
        r#"
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.servers import FTPServer
import logging
logging.disable(logging.CRITICAL)
TLS_FTPHandler.certfile = {:?}
TLS_FTPHandler.keyfile = {:?}
TLS_FTPHandler.authorizer = DummyAuthorizer()
FTPServer(("127.0.0.1", PORT), TLS_FTPHandler).serve_forever(timeout=60)
"#,
        p.path("leaf.pem"),
        p.path("leaf.key")
    ));
    verified(&starttls("ftp", server.port));
}

/// dovecot with IMAP and POP3 (STARTTLS/STLS) on loopback, its state in a temp dir.
fn dovecot() -> (Server, u16, u16) {
    let p = pki();
    let (imap, pop3) = (free_port(), free_port());
    let dir = p.dir.join(format!("dovecot-{imap}"));
    std::fs::create_dir_all(&dir).expect("dovecot dir");
    let d = dir.to_string_lossy();
    let conf = dir.join("dovecot.conf");
    std::fs::write(
        &conf,
        format!(
            "base_dir = {d}/run\nstate_dir = {d}/state\nlog_path = {d}/dovecot.log\n\
             protocols = imap pop3\nlisten = 127.0.0.1\nssl = yes\n\
             ssl_cert = <{cert}\nssl_key = <{key}\nmail_location = maildir:{d}/mail\n\
             service imap-login {{\n  inet_listener imap {{\n    port = {imap}\n  }}\n  \
             inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
             service pop3-login {{\n  inet_listener pop3 {{\n    port = {pop3}\n  }}\n  \
             inet_listener pop3s {{\n    port = 0\n  }}\n}}\n\
             passdb {{\n  driver = static\n  args = password=x\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={d}/home\n}}\n",
            cert = p.path("leaf.pem"),
            key = p.path("leaf.key"),
        ),
    )
    .expect("write dovecot.conf");
    let mut child = Command::new("dovecot")
        .arg("-F")
        .arg("-c")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot is installed (.ci/run installs dovecot-imapd, dovecot-pop3d)");
    wait_listening(&mut child, imap, "dovecot imap");
    wait_listening(&mut child, pop3, "dovecot pop3");
    (Server { child, port: imap }, imap, pop3)
}

#[test]
fn imap_and_pop3_starttls_with_dovecot() {
    let (_server, imap, pop3) = dovecot();
    verified(&starttls("imap", imap));
    verified(&starttls("pop3", pop3));
}

#[test]
fn a_server_refusing_the_upgrade_is_exit_1_with_its_answer() {
    let server = Peer::start(
        r#"
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(10)
c.sendall(b"220 mail.example ESMTP\r\n")
c.recv(100)
c.sendall(b"250-mail.example\r\n250 SIZE 1000\r\n")
c.recv(100)
c.sendall(b"454 4.7.0 TLS not available\r\n")
c.recv(100)
"#,
    );
    let r = run_with(
        &[
            "tls",
            "--insecure",
            "--starttls",
            "smtp",
            "127.0.0.1",
            &server.port().to_string(),
        ],
        b"",
        LIMIT,
    );
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr
            .contains(r#"answered STARTTLS with "454 4.7.0 TLS not available""#),
        "{}",
        r.stderr
    );
}

/// The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/N/bin).
fn postgres_bin() -> std::path::PathBuf {
    let mut found: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed (.ci/run installs postgresql)")
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    found.sort();
    found.pop().expect("an initdb under /usr/lib/postgresql")
}

/// Run `cmd` as the postgres account (PostgreSQL refuses to run as root).
fn as_postgres(program: &std::path::Path) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid",
        "postgres",
        "--regid",
        "postgres",
        "--init-groups",
    ])
    .arg(program);
    cmd
}

#[test]
fn postgres_sslrequest_with_a_real_postgresql() {
    let p = pki();
    let bin = postgres_bin();
    let port = free_port();
    let dir = p.dir.join(format!("pg-{port}"));
    std::fs::create_dir_all(&dir).expect("pg dir");
    for name in ["leaf.pem", "leaf.key"] {
        std::fs::copy(p.dir.join(name), dir.join(name)).expect("copy");
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.join("leaf.key"), std::fs::Permissions::from_mode(0o600))
        .expect("chmod");
    let chown = Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(&dir)
        .status()
        .expect("chown");
    assert!(chown.success());
    let data = dir.join("data");
    let init = as_postgres(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args(["-A", "trust", "-U", "postgres"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("initdb");
    assert!(init.success(), "initdb failed");
    let mut child = as_postgres(&bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .args([
            "-c",
            "listen_addresses=127.0.0.1",
            "-p",
            &port.to_string(),
            "-c",
            "ssl=on",
        ])
        .arg("-c")
        .arg(format!("ssl_cert_file={}", dir.join("leaf.pem").display()))
        .arg("-c")
        .arg(format!("ssl_key_file={}", dir.join("leaf.key").display()))
        .arg("-k")
        .arg(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("postgres");
    wait_listening(&mut child, port, "postgres");
    let server = Server { child, port };
    let r = starttls("postgres", port);
    drop(server);
    // The cluster is ~40 MB: not left behind in /tmp.
    let _ = std::fs::remove_dir_all(&dir);
    verified(&r);
}
