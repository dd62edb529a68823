//! Certificates and servers for the TLS and proxy tests: a test CA, a leaf for
//! localhost/127.0.0.1 (RSA, key made by `openssl genpkey`), an expired leaf, a leaf
//! for another name, a client certificate; `openssl s_server` and Python `ssl` servers,
//! dante and tinyproxy, each configured in a temp dir and listening on loopback only.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    date_time_ymd,
};

/// The files of the test PKI.
pub struct Pki {
    pub dir: PathBuf,
}

impl Pki {
    pub fn path(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }
}

/// One PKI per test binary, made once.
pub fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(make_pki)
}

fn make_pki() -> Pki {
    let dir = std::env::temp_dir().join(format!("sockkit-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");

    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca.distinguished_name
        .push(DnType::CommonName, "sockkit test CA");
    ca.distinguished_name
        .push(DnType::OrganizationName, "sockkit tests");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).expect("CA cert");
    write("ca.pem", &ca_cert.pem());
    write("ca.key", &ca_key.serialize_pem());
    let issuer = Issuer::new(ca, ca_key);

    // A second CA that signs nothing the servers present: "unknown issuer".
    let other_key = KeyPair::generate().expect("key");
    let mut other = CertificateParams::new(Vec::<String>::new()).expect("params");
    other
        .distinguished_name
        .push(DnType::CommonName, "some other CA");
    other.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    write(
        "other-ca.pem",
        &other.self_signed(&other_key).expect("cert").pem(),
    );

    // The good leaf has an RSA key, made by openssl (ring cannot generate RSA keys).
    let rsa = dir.join("leaf.key");
    let status = Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&rsa)
        .stderr(Stdio::null())
        .status()
        .expect("run openssl genpkey");
    assert!(status.success(), "openssl genpkey failed");
    let rsa_key =
        KeyPair::from_pem(&std::fs::read_to_string(&rsa).expect("read key")).expect("RSA key");
    let leaf = |names: &[&str], cn: &str, past: bool, client: bool| {
        let mut p = CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .expect("params");
        p.distinguished_name.push(DnType::CommonName, cn);
        p.distinguished_name
            .push(DnType::OrganizationName, "sockkit tests");
        if past {
            p.not_before = date_time_ymd(2020, 1, 1);
            p.not_after = date_time_ymd(2021, 1, 1);
        } else {
            p.not_before = date_time_ymd(2024, 1, 1);
            p.not_after = date_time_ymd(2099, 1, 1);
        }
        p.extended_key_usages = vec![if client {
            ExtendedKeyUsagePurpose::ClientAuth
        } else {
            ExtendedKeyUsagePurpose::ServerAuth
        }];
        p
    };
    let good = leaf(&["localhost", "127.0.0.1"], "localhost", false, false)
        .signed_by(&rsa_key, &issuer)
        .expect("leaf");
    write("leaf.pem", &good.pem());

    let ec_key = KeyPair::generate().expect("key");
    write("ec.key", &ec_key.serialize_pem());
    let expired = leaf(
        &["localhost", "127.0.0.1"],
        "expired.localhost",
        true,
        false,
    )
    .signed_by(&ec_key, &issuer)
    .expect("leaf");
    write("expired.pem", &expired.pem());
    let wrong = leaf(
        &["wrong.example", "www.wrong.example"],
        "wrong.example",
        false,
        false,
    )
    .signed_by(&ec_key, &issuer)
    .expect("leaf");
    write("wrong-name.pem", &wrong.pem());

    // An intermediate CA and a leaf it issued: a chain of two as the server sends it.
    let inter_key = KeyPair::generate().expect("key");
    let mut inter = CertificateParams::new(Vec::<String>::new()).expect("params");
    inter
        .distinguished_name
        .push(DnType::CommonName, "sockkit intermediate CA");
    inter.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    write(
        "inter.pem",
        &inter.signed_by(&inter_key, &issuer).expect("inter").pem(),
    );
    let inter_issuer = Issuer::new(inter, inter_key);
    let chained = leaf(&["localhost"], "chained.localhost", false, false)
        .signed_by(&ec_key, &inter_issuer)
        .expect("leaf");
    write("chained.pem", &chained.pem());

    let client_key = KeyPair::generate().expect("key");
    write("client.key", &client_key.serialize_pem());
    let client = leaf(&[], "sockkit client", false, true)
        .signed_by(&client_key, &issuer)
        .expect("client");
    write("client.pem", &client.pem());
    Pki { dir }
}

/// A server process killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Wait until `port` on 127.0.0.1 accepts, or fail naming `what` (bounded to 10 s).
pub fn wait_listening(child: &mut Child, port: u16, what: &str) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited before listening: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what} never listened on {port}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `openssl s_server` on 127.0.0.1 with `cert`/`key` from the PKI and `extra` flags
/// (`-tls1_2`, `-Verify 1 -CAfile ..`). It serves any number of clients.
pub fn s_server(cert: &str, key: &str, extra: &[&str]) -> Server {
    let pki = pki();
    let port = free_port();
    let mut child = Command::new("openssl")
        .args(["s_server", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .args(["-cert", &pki.path(cert), "-key", &pki.path(key), "-quiet"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl is installed (.ci/run installs it)");
    wait_listening(&mut child, port, "openssl s_server");
    Server { child, port }
}

/// A free TCP port on 127.0.0.1 (a moment ago).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A text file in this test binary's temp dir.
pub fn scratch_file(name: &str, text: &str) -> String {
    let path = pki().dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

/// What `openssl x509 ARGS -in FILE` prints.
pub fn openssl_x509(file: &str, args: &[&str]) -> String {
    let out = Command::new("openssl")
        .arg("x509")
        .args(args)
        .args(["-in", file])
        .output()
        .expect("run openssl x509");
    assert!(out.status.success(), "openssl x509 {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}

/// tinyproxy on 127.0.0.1 (HTTP CONNECT), with Basic auth when `basic_auth` names a
/// user and password; its configuration in the temp dir.
pub fn tinyproxy(basic_auth: Option<(&str, &str)>) -> Server {
    let port = free_port();
    let conf = std::env::temp_dir().join(format!(
        "sockkit-tinyproxy-{}-{port}.conf",
        std::process::id()
    ));
    let auth = basic_auth
        .map(|(user, pass)| format!("BasicAuth {user} {pass}\n"))
        .unwrap_or_default();
    std::fs::write(
        &conf,
        format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\nMaxClients 20\n\
             LogLevel Critical\n{auth}"
        ),
    )
    .expect("write tinyproxy.conf");
    let mut child = Command::new("tinyproxy")
        .arg("-d")
        .arg("-c")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tinyproxy is installed (.ci/run installs it)");
    wait_listening(&mut child, port, "tinyproxy");
    Server { child, port }
}
