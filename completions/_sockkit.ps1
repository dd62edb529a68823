
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'sockkit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'sockkit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'sockkit' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'TCP or Unix stream server: accept a client and relay stdin/stdout')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan')
            [CompletionResult]::new('udp-send', 'udp-send', [CompletionResultType]::ParameterValue, 'Send UDP or Unix datagrams')
            [CompletionResult]::new('udp-recv', 'udp-recv', [CompletionResultType]::ParameterValue, 'Receive UDP or Unix datagrams, one line each')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols')
            [CompletionResult]::new('sockopt', 'sockopt', [CompletionResultType]::ParameterValue, 'Socket options: list them, read and set them on fresh or live sockets')
            [CompletionResult]::new('conns', 'conns', [CompletionResultType]::ParameterValue, 'The sockets on this host, like `ss -t state established`')
            [CompletionResult]::new('byteorder', 'byteorder', [CompletionResultType]::ParameterValue, 'The C byte-order and address helpers, exactly as Python''s socket module answers')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Connect latency of a TCP port, like ping(8): one handshake per probe, then a summary')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until services are ready (TCP, Unix, TLS, HTTP, HTTPS), then run a command')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'TLS handshake and certificate chain of one or more servers: expiry, names, trust')
            [CompletionResult]::new('forward', 'forward', [CompletionResultType]::ParameterValue, 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;listen' {
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close the connection when nothing moves either way for DUR')
            [CompletionResult]::new('--linger', '--linger', [CompletionResultType]::ParameterName, 'After the peer''s EOF, send a file/pipe stdin for at most DUR more (0: end at once)')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Run PROG with ARGS (no shell) for each connection, the socket on its stdin/stdout; put it last: every word after it is PROG''s')
            [CompletionResult]::new('--sh-exec', '--sh-exec', [CompletionResultType]::ParameterName, 'Run CMD with /bin/sh -c for each connection, the socket on its stdin/stdout')
            [CompletionResult]::new('--max-conns', '--max-conns', [CompletionResultType]::ParameterName, 'Serve at most N clients at once; more are closed at accept')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Accept only clients from ADDR[/PREFIX] (repeatable)')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Refuse clients from ADDR[/PREFIX] (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Listen backlog: connections the kernel queues until they are accepted')
            [CompletionResult]::new('--backlog', '--backlog', [CompletionResultType]::ParameterName, 'Listen backlog: connections the kernel queues until they are accepted')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Certificate chain to present (PEM); without it a self-signed one is made at start')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--verify-client', '--verify-client', [CompletionResultType]::ParameterName, 'Ask clients for a certificate and accept only those issued by a CA of this PEM file')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'ALPN protocols to accept, in order of preference')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)')
            [CompletionResult]::new('--dump-format', '--dump-format', [CompletionResultType]::ParameterName, 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--no-shutdown', '--no-shutdown', [CompletionResultType]::ParameterName, 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))')
            [CompletionResult]::new('--crlf', '--crlf', [CompletionResultType]::ParameterName, 'Send CRLF as the line ending (translate LF from stdin to CRLF)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print bytes each way, duration and throughput on stderr at the end')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('--numeric', '--numeric', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)')
            [CompletionResult]::new('--keep-open', '--keep-open', [CompletionResultType]::ParameterName, 'Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)')
            [CompletionResult]::new('--echo', '--echo', [CompletionResultType]::ParameterName, 'Send each client''s bytes back to it')
            [CompletionResult]::new('--broker', '--broker', [CompletionResultType]::ParameterName, 'Chat room: every client''s bytes go to all other clients')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Speak TLS to every client: --cert/--key, or a self-signed certificate made at start')
            [CompletionResult]::new('--ssl', '--ssl', [CompletionResultType]::ParameterName, 'Speak TLS to every client: --cert/--key, or a self-signed certificate made at start')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;connect' {
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close the connection when nothing moves either way for DUR')
            [CompletionResult]::new('--linger', '--linger', [CompletionResultType]::ParameterName, 'After the peer''s EOF, send a file/pipe stdin for at most DUR more (0: end at once)')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send TEXT instead of reading stdin (escapes \r \n \t \\ \xHH), then half-close')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Read until the reply matches REGEX (exit 0) or EOF/timeout (exit 1, after 10s unless -w says); the reply goes to stdout as received')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many ports to probe at once with -z (default 256, bounded by the open-file limit)')
            [CompletionResult]::new('--targets', '--targets', [CompletionResultType]::ParameterName, 'With -z, scan the hosts listed in FILE (one name, address or CIDR block a line; # comments) instead of a HOST word')
            [CompletionResult]::new('--wait-until', '--wait-until', [CompletionResultType]::ParameterName, 'Retry the connection every 200ms until it succeeds or DUR passes (wait-for-it)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Bind the local end to ADDR before connecting')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Bind the local end to ADDR before connecting')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Bind the local end to PORT before connecting')
            [CompletionResult]::new('--source-port', '--source-port', [CompletionResultType]::ParameterName, 'Bind the local end to PORT before connecting')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@; the proxy must have connected within -w (default 30s)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and verify instead of HOST')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'Offer these ALPN protocols, in order of preference (h2,http/1.1)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file instead of the system''s roots')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate chain to present (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-min', '--tls-min', [CompletionResultType]::ParameterName, 'Lowest TLS version to accept: 1.2 (default) or 1.3')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Speak the protocol''s own upgrade first, as openssl s_client -starttls')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)')
            [CompletionResult]::new('--dump-format', '--dump-format', [CompletionResultType]::ParameterName, 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--no-shutdown', '--no-shutdown', [CompletionResultType]::ParameterName, 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))')
            [CompletionResult]::new('--crlf', '--crlf', [CompletionResultType]::ParameterName, 'Send CRLF as the line ending (translate LF from stdin to CRLF)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print bytes each way, duration and throughput on stderr at the end')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('--numeric', '--numeric', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open')
            [CompletionResult]::new('--scan', '--scan', [CompletionResultType]::ParameterName, 'Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'With -z, show only the open ports (plain and --json), as nmap''s --open')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Speak TLS (verified against the system''s roots; any TLS client option implies it)')
            [CompletionResult]::new('--ssl', '--ssl', [CompletionResultType]::ParameterName, 'Speak TLS (verified against the system''s roots; any TLS client option implies it)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (said on stderr)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;udp-send' {
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Send to an AF_UNIX datagram socket at PATH (@name: abstract namespace)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Send the message (or each line, or the generated payload) N times')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Wait DUR between datagrams')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Send a generated payload of BYTES (64, 1K) instead of MESSAGE or stdin')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'IP time-to-live (hop limit) of the datagrams, unicast and multicast')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Send all of stdin as one datagram')
            [CompletionResult]::new('--hex', '--hex', [CompletionResultType]::ParameterName, 'MESSAGE is hex (68656c6c6f)')
            [CompletionResult]::new('--broadcast', '--broadcast', [CompletionResultType]::ParameterName, 'Allow sending to a broadcast address (SO_BROADCAST)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)')
            [CompletionResult]::new('--wait-reply', '--wait-reply', [CompletionResultType]::ParameterName, 'After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('--numeric', '--numeric', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;udp-recv' {
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Receive on an AF_UNIX datagram socket at PATH (@name: abstract namespace)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit after N datagrams')
            [CompletionResult]::new('--reply', '--reply', [CompletionResultType]::ParameterName, 'Answer each datagram with TEXT (escapes \r \n \t \\ \xHH)')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Run PROG with ARGS (no shell) per datagram, the payload on its stdin, its stdout sent back; put it last: every word after it is PROG''s')
            [CompletionResult]::new('--sh-exec', '--sh-exec', [CompletionResultType]::ParameterName, 'Run CMD with /bin/sh -c per datagram, the payload on its stdin, its stdout sent back')
            [CompletionResult]::new('--join', '--join', [CompletionResultType]::ParameterName, 'Join multicast GROUP (repeatable)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Write payload bytes unchanged, nothing added')
            [CompletionResult]::new('--hex', '--hex', [CompletionResultType]::ParameterName, 'Print a hex dump of each datagram')
            [CompletionResult]::new('--echo', '--echo', [CompletionResultType]::ParameterName, 'Send each datagram back to its sender')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('--numeric', '--numeric', [CompletionResultType]::ParameterName, 'Numeric addresses only, no name lookups (as nc -n; output is numeric anyway)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;resolve' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only rows of this socket type')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse lookup of ADDR: name and aliases (getnameinfo, gethostbyaddr)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Look up a service by NAME or PORT (getservbyname / getservbyport)')
            [CompletionResult]::new('--proto', '--proto', [CompletionResultType]::ParameterName, 'Protocol for --service')
            [CompletionResult]::new('--protocol', '--protocol', [CompletionResultType]::ParameterName, 'Look up a protocol by NAME or NUMBER (getprotobyname / getprotobynumber)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--canonical', '--canonical', [CompletionResultType]::ParameterName, 'Ask for the canonical name (AI_CANONNAME)')
            [CompletionResult]::new('--short', '--short', [CompletionResultType]::ParameterName, 'Addresses only, one per line, in getaddrinfo order, without duplicates')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Print this host''s name (gethostname)')
            [CompletionResult]::new('--fqdn', '--fqdn', [CompletionResultType]::ParameterName, 'With --hostname: the fully qualified name, as Python''s getfqdn')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;sockopt' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every option known: name, level, value kind, socket types, get/set')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set options, read them back, and show requested and effective values')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;sockopt;list' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;sockopt;get' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The kind of fresh socket (with -6: an AF_INET6 one)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'A live socket of a running process: its PID (with --fd)')
            [CompletionResult]::new('--fd', '--fd', [CompletionResultType]::ParameterName, 'A live socket of a running process: the file descriptor (with --pid)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;sockopt;set' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The kind of fresh socket (with -6: an AF_INET6 one)')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'A live socket of a running process: its PID (with --fd)')
            [CompletionResult]::new('--fd', '--fd', [CompletionResultType]::ParameterName, 'A live socket of a running process: the file descriptor (with --pid)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;sockopt;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every option known: name, level, value kind, socket types, get/set')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set options, read them back, and show requested and effective values')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;sockopt;help;list' {
            break
        }
        'sockkit;sockopt;help;get' {
            break
        }
        'sockkit;sockopt;help;set' {
            break
        }
        'sockkit;sockopt;help;help' {
            break
        }
        'sockkit;conns' {
            [CompletionResult]::new('--sport', '--sport', [CompletionResultType]::ParameterName, 'Only sockets whose local port is PORT')
            [CompletionResult]::new('--dport', '--dport', [CompletionResultType]::ParameterName, 'Only sockets whose peer port is PORT')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Only sockets with PORT at either end')
            [CompletionResult]::new('--src', '--src', [CompletionResultType]::ParameterName, 'Only sockets whose local address is in ADDR[/PREFIX]')
            [CompletionResult]::new('--dst', '--dst', [CompletionResultType]::ParameterName, 'Only sockets whose peer address is in ADDR[/PREFIX]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Show again every DUR (250ms, 2s) until interrupted; columns keep their widths')
            [CompletionResult]::new('-N', '-N ', [CompletionResultType]::ParameterName, 'The sockets of another network namespace: a name from `ip netns` or a process id')
            [CompletionResult]::new('--netns', '--netns', [CompletionResultType]::ParameterName, 'The sockets of another network namespace: a name from `ip netns` or a process id')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only sockets in STATE (repeatable; ss''s state names and groups)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Sockets in every state')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Sockets in every state')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Listening sockets only (for UDP: bound and unconnected, UNCONN)')
            [CompletionResult]::new('--listening', '--listening', [CompletionResultType]::ParameterName, 'Listening sockets only (for UDP: bound and unconnected, UNCONN)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'TCP sockets (the default when neither -t nor -u is given)')
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'TCP sockets (the default when neither -t nor -u is given)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'UDP sockets')
            [CompletionResult]::new('--udp', '--udp', [CompletionResultType]::ParameterName, 'UDP sockets')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Show the processes that own each socket (name, pid, fd)')
            [CompletionResult]::new('--processes', '--processes', [CompletionResultType]::ParameterName, 'Show the processes that own each socket (name, pid, fd)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Resolve addresses and ports to names')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Resolve addresses and ports to names')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes')
            [CompletionResult]::new('--info', '--info', [CompletionResultType]::ParameterName, 'TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Unix sockets (stream, dgram, seqpacket) instead of TCP/UDP; with -p the process at each end')
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Unix sockets (stream, dgram, seqpacket) instead of TCP/UDP; with -p the process at each end')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'No header line')
            [CompletionResult]::new('--no-header', '--no-header', [CompletionResultType]::ParameterName, 'No header line')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Numeric output (accepted for ss habits: numeric is the default)')
            [CompletionResult]::new('--numeric', '--numeric', [CompletionResultType]::ParameterName, 'Numeric output (accepted for ss habits: numeric is the default)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Add the Timer column: the TCP timer running and when it fires (ss -o)')
            [CompletionResult]::new('--timers', '--timers', [CompletionResultType]::ParameterName, 'Add the Timer column: the TCP timer running and when it fires (ss -o)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Add the uid, inode and cookie of each socket (ss -e)')
            [CompletionResult]::new('--extended', '--extended', [CompletionResultType]::ParameterName, 'Add the uid, inode and cookie of each socket (ss -e)')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Destroy the matching TCP sockets (SOCK_DESTROY, like ss -K); needs a filter')
            [CompletionResult]::new('--kill', '--kill', [CompletionResultType]::ParameterName, 'Destroy the matching TCP sockets (SOCK_DESTROY, like ss -K); needs a filter')
            [CompletionResult]::new('-E', '-E ', [CompletionResultType]::ParameterName, 'Follow sockets as the kernel destroys them, one line each, until interrupted (ss -E)')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Follow sockets as the kernel destroys them, one line each, until interrupted (ss -E)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('htons', 'htons', [CompletionResultType]::ParameterValue, 'Host to network order, 16 bits')
            [CompletionResult]::new('ntohs', 'ntohs', [CompletionResultType]::ParameterValue, 'Network to host order, 16 bits')
            [CompletionResult]::new('htonl', 'htonl', [CompletionResultType]::ParameterValue, 'Host to network order, 32 bits')
            [CompletionResult]::new('ntohl', 'ntohl', [CompletionResultType]::ParameterValue, 'Network to host order, 32 bits')
            [CompletionResult]::new('inet_pton', 'inet_pton', [CompletionResultType]::ParameterValue, 'Text address to packed bytes (printed as hex)')
            [CompletionResult]::new('inet_ntop', 'inet_ntop', [CompletionResultType]::ParameterValue, 'Packed bytes (hex) to text address')
            [CompletionResult]::new('inet_aton', 'inet_aton', [CompletionResultType]::ParameterValue, 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)')
            [CompletionResult]::new('inet_ntoa', 'inet_ntoa', [CompletionResultType]::ParameterValue, 'Packed IPv4 bytes (hex) to dotted quad')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;byteorder;htons' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;ntohs' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;htonl' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;ntohl' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;inet_pton' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;inet_ntop' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;inet_aton' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;inet_ntoa' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;byteorder;help' {
            [CompletionResult]::new('htons', 'htons', [CompletionResultType]::ParameterValue, 'Host to network order, 16 bits')
            [CompletionResult]::new('ntohs', 'ntohs', [CompletionResultType]::ParameterValue, 'Network to host order, 16 bits')
            [CompletionResult]::new('htonl', 'htonl', [CompletionResultType]::ParameterValue, 'Host to network order, 32 bits')
            [CompletionResult]::new('ntohl', 'ntohl', [CompletionResultType]::ParameterValue, 'Network to host order, 32 bits')
            [CompletionResult]::new('inet_pton', 'inet_pton', [CompletionResultType]::ParameterValue, 'Text address to packed bytes (printed as hex)')
            [CompletionResult]::new('inet_ntop', 'inet_ntop', [CompletionResultType]::ParameterValue, 'Packed bytes (hex) to text address')
            [CompletionResult]::new('inet_aton', 'inet_aton', [CompletionResultType]::ParameterValue, 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)')
            [CompletionResult]::new('inet_ntoa', 'inet_ntoa', [CompletionResultType]::ParameterValue, 'Packed IPv4 bytes (hex) to dotted quad')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;byteorder;help;htons' {
            break
        }
        'sockkit;byteorder;help;ntohs' {
            break
        }
        'sockkit;byteorder;help;htonl' {
            break
        }
        'sockkit;byteorder;help;ntohl' {
            break
        }
        'sockkit;byteorder;help;inet_pton' {
            break
        }
        'sockkit;byteorder;help;inet_ntop' {
            break
        }
        'sockkit;byteorder;help;inet_aton' {
            break
        }
        'sockkit;byteorder;help;inet_ntoa' {
            break
        }
        'sockkit;byteorder;help;help' {
            break
        }
        'sockkit;ping' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Stop after N probes (default: until interrupted)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N probes (default: until interrupted)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Start a probe every DUR (default 1s; 0: back to back)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Start a probe every DUR (default 1s; 0: back to back)')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and verify instead of HOST')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'Offer these ALPN protocols, in order of preference (h2,http/1.1)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file instead of the system''s roots')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate chain to present (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-min', '--tls-min', [CompletionResultType]::ParameterName, 'Lowest TLS version to accept: 1.2 (default) or 1.3')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Speak the protocol''s own upgrade first, as openssl s_client -starttls')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Complete a TLS handshake too (verified): the time is connect plus handshake')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (said on stderr)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;wait' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'HTTP statuses that count as ready: codes and ranges (200,204,300-399); default 200-399')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Reach the network targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and verify instead of HOST')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'Offer these ALPN protocols, in order of preference (h2,http/1.1)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file instead of the system''s roots')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate chain to present (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-min', '--tls-min', [CompletionResultType]::ParameterName, 'Lowest TLS version to accept: 1.2 (default) or 1.3')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Speak the protocol''s own upgrade first, as openssl s_client -starttls')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--any', '--any', [CompletionResultType]::ParameterName, 'Ready as soon as any one target is')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (said on stderr)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;tls' {
            [CompletionResult]::new('--expires-within', '--expires-within', [CompletionResultType]::ParameterName, 'Exit 1 when any certificate of a chain expires within DUR (30d)')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Reach the targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and verify instead of HOST')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'Offer these ALPN protocols, in order of preference (h2,http/1.1)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file instead of the system''s roots')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate chain to present (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-min', '--tls-min', [CompletionResultType]::ParameterName, 'Lowest TLS version to accept: 1.2 (default) or 1.3')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Speak the protocol''s own upgrade first, as openssl s_client -starttls')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--pem', '--pem', [CompletionResultType]::ParameterName, 'Print each chain as PEM instead of the report')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (said on stderr)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;forward' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target: HOST:PORT or [V6ADDR]:PORT')
            [CompletionResult]::new('--to-unix', '--to-unix', [CompletionResultType]::ParameterName, 'The target is the AF_UNIX stream socket at PATH (@name: abstract namespace)')
            [CompletionResult]::new('--unix', '--unix', [CompletionResultType]::ParameterName, 'Listen on an AF_UNIX stream socket at PATH instead of TCP')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@')
            [CompletionResult]::new('--server-cert', '--server-cert', [CompletionResultType]::ParameterName, 'With --tls: the certificate chain to present to clients (PEM)')
            [CompletionResult]::new('--server-key', '--server-key', [CompletionResultType]::ParameterName, 'With --tls: the private key of --server-cert (PEM)')
            [CompletionResult]::new('--verify-client', '--verify-client', [CompletionResultType]::ParameterName, 'With --tls: accept only clients whose certificate a CA of this PEM file issued')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and verify instead of HOST')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'Offer these ALPN protocols, in order of preference (h2,http/1.1)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file instead of the system''s roots')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate chain to present (PEM), with --key')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--tls-min', '--tls-min', [CompletionResultType]::ParameterName, 'Lowest TLS version to accept: 1.2 (default) or 1.3')
            [CompletionResult]::new('--starttls', '--starttls', [CompletionResultType]::ParameterName, 'Speak the protocol''s own upgrade first, as openssl s_client -starttls')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a client''s relay when nothing moves either way for DUR')
            [CompletionResult]::new('--max-conns', '--max-conns', [CompletionResultType]::ParameterName, 'Serve at most N clients at once; more are closed at accept')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Accept only clients from ADDR[/PREFIX] (repeatable)')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Refuse clients from ADDR[/PREFIX] (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Listen backlog')
            [CompletionResult]::new('--backlog', '--backlog', [CompletionResultType]::ParameterName, 'Listen backlog')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)')
            [CompletionResult]::new('--dump-format', '--dump-format', [CompletionResultType]::ParameterName, 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds; 0 waits not at all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--sockopt', '--sockopt', [CompletionResultType]::ParameterName, 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Speak TLS to the clients (terminate it here): --server-cert/--server-key, or a self-signed certificate made at start')
            [CompletionResult]::new('--ssl', '--ssl', [CompletionResultType]::ParameterName, 'Speak TLS to the clients (terminate it here): --server-cert/--server-key, or a self-signed certificate made at start')
            [CompletionResult]::new('--to-tls', '--to-tls', [CompletionResultType]::ParameterName, 'Speak TLS to the target (a client: verified against the system''s roots unless --ca, --pin or --insecure say otherwise)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (said on stderr)')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 only')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Events on stderr; twice (-vv) also every socket system call, strace-style')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Records as JSON Lines on stdout, events as JSON Lines on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sockkit;help' {
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'TCP or Unix stream server: accept a client and relay stdin/stdout')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan')
            [CompletionResult]::new('udp-send', 'udp-send', [CompletionResultType]::ParameterValue, 'Send UDP or Unix datagrams')
            [CompletionResult]::new('udp-recv', 'udp-recv', [CompletionResultType]::ParameterValue, 'Receive UDP or Unix datagrams, one line each')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols')
            [CompletionResult]::new('sockopt', 'sockopt', [CompletionResultType]::ParameterValue, 'Socket options: list them, read and set them on fresh or live sockets')
            [CompletionResult]::new('conns', 'conns', [CompletionResultType]::ParameterValue, 'The sockets on this host, like `ss -t state established`')
            [CompletionResult]::new('byteorder', 'byteorder', [CompletionResultType]::ParameterValue, 'The C byte-order and address helpers, exactly as Python''s socket module answers')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Connect latency of a TCP port, like ping(8): one handshake per probe, then a summary')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until services are ready (TCP, Unix, TLS, HTTP, HTTPS), then run a command')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'TLS handshake and certificate chain of one or more servers: expiry, names, trust')
            [CompletionResult]::new('forward', 'forward', [CompletionResultType]::ParameterValue, 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sockkit;help;listen' {
            break
        }
        'sockkit;help;connect' {
            break
        }
        'sockkit;help;udp-send' {
            break
        }
        'sockkit;help;udp-recv' {
            break
        }
        'sockkit;help;resolve' {
            break
        }
        'sockkit;help;sockopt' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every option known: name, level, value kind, socket types, get/set')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set options, read them back, and show requested and effective values')
            break
        }
        'sockkit;help;sockopt;list' {
            break
        }
        'sockkit;help;sockopt;get' {
            break
        }
        'sockkit;help;sockopt;set' {
            break
        }
        'sockkit;help;conns' {
            break
        }
        'sockkit;help;byteorder' {
            [CompletionResult]::new('htons', 'htons', [CompletionResultType]::ParameterValue, 'Host to network order, 16 bits')
            [CompletionResult]::new('ntohs', 'ntohs', [CompletionResultType]::ParameterValue, 'Network to host order, 16 bits')
            [CompletionResult]::new('htonl', 'htonl', [CompletionResultType]::ParameterValue, 'Host to network order, 32 bits')
            [CompletionResult]::new('ntohl', 'ntohl', [CompletionResultType]::ParameterValue, 'Network to host order, 32 bits')
            [CompletionResult]::new('inet_pton', 'inet_pton', [CompletionResultType]::ParameterValue, 'Text address to packed bytes (printed as hex)')
            [CompletionResult]::new('inet_ntop', 'inet_ntop', [CompletionResultType]::ParameterValue, 'Packed bytes (hex) to text address')
            [CompletionResult]::new('inet_aton', 'inet_aton', [CompletionResultType]::ParameterValue, 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)')
            [CompletionResult]::new('inet_ntoa', 'inet_ntoa', [CompletionResultType]::ParameterValue, 'Packed IPv4 bytes (hex) to dotted quad')
            break
        }
        'sockkit;help;byteorder;htons' {
            break
        }
        'sockkit;help;byteorder;ntohs' {
            break
        }
        'sockkit;help;byteorder;htonl' {
            break
        }
        'sockkit;help;byteorder;ntohl' {
            break
        }
        'sockkit;help;byteorder;inet_pton' {
            break
        }
        'sockkit;help;byteorder;inet_ntop' {
            break
        }
        'sockkit;help;byteorder;inet_aton' {
            break
        }
        'sockkit;help;byteorder;inet_ntoa' {
            break
        }
        'sockkit;help;ping' {
            break
        }
        'sockkit;help;wait' {
            break
        }
        'sockkit;help;tls' {
            break
        }
        'sockkit;help;forward' {
            break
        }
        'sockkit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
