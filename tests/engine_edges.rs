//! The engine's edges as a user meets them through `listen` and `connect`: an `--exec`
//! child that is slow to read after its peer hung up, stdout opened for appending,
//! `--crlf` across buffer edges.

mod common;
mod stream_support;

use std::process::Stdio;
use std::time::Duration;

use common::python;
use stream_support::{Server, scratch};

const LIMIT: Duration = Duration::from_secs(30);

/// CPU time (user + system, in clock ticks) a running process has used so far, all its
/// threads together.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
    // Fields after the command's closing parenthesis: state is the first, utime the
    // 12th and stime the 13th.
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |i: usize| fields[i].parse::<u64>().expect("a number in /proc stat");
    field(11) + field(12)
}

#[test]
fn an_exec_child_slow_to_read_after_its_peer_hung_up_costs_no_cpu() {
    // With --crlf the child's bytes pass through sockkit. The child answers, closes its
    // output (sockkit half-closes the connection), and reads its input only later. The
    // client sends in small pieces (more pieces than the child's stdin pipe has slots),
    // then closes: the socket reports POLLHUP while its bytes wait for the child.
    // Waiting must be sleeping, not polling in a loop.
    let count = scratch("slow-exec-count");
    let _ = std::fs::remove_file(&count);
    let child = format!("echo hi; exec >&-; sleep 2; wc -c > {count}");
    let srv = Server::start(
        &["127.0.0.2", "0", "--crlf", "--sh-exec", &child],
        Stdio::null(),
        Stdio::null(),
    );
    let got = python(&format!(
        "import time\n\
         c = socket.create_connection(('127.0.0.2', {}))\n\
         c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n\
         for _ in range(40):\n    c.sendall(b'y' * 1000)\n    time.sleep(0.002)\n\
         c.shutdown(socket.SHUT_WR)\n\
         got = b''\n\
         while True:\n    b = c.recv(65536)\n    if not b: break\n    got += b\n\
         c.close()\n\
         print(got.decode().strip())",
        srv.port
    ));
    assert_eq!(got.trim(), "hi");
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(srv.pid());
    std::thread::sleep(Duration::from_millis(1000));
    let spent = cpu_ticks(srv.pid()) - before;
    let (code, stderr) = srv.wait(LIMIT);
    assert_eq!(code, 0, "{stderr}");
    let counted = std::fs::read_to_string(&count).expect("the child counted its input");
    assert_eq!(counted.trim(), "40000", "every byte reaches the child");
    assert!(
        spent < 30,
        "sockkit used {spent} clock ticks of CPU while its child was not reading"
    );
}
