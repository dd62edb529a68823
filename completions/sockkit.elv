
use builtin;
use str;

set edit:completion:arg-completer[sockkit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'sockkit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'sockkit'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand listen 'TCP or Unix stream server: accept a client and relay stdin/stdout'
            cand connect 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan'
            cand udp-send 'Send UDP or Unix datagrams'
            cand udp-recv 'Receive UDP or Unix datagrams, one line each'
            cand resolve 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols'
            cand sockopt 'Socket options: list them, read and set them on fresh or live sockets'
            cand conns 'The sockets on this host, like `ss -t state established`'
            cand byteorder 'The C byte-order and address helpers, exactly as Python''s socket module answers'
            cand tls 'TLS handshake and certificate chain of one or more servers: expiry, names, trust'
            cand forward 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;listen'= {
            cand --unix 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)'
            cand --idle-timeout 'Close the connection when nothing moves either way for DUR'
            cand --linger 'After the peer''s EOF, send a file/pipe stdin for at most DUR more (0: end at once)'
            cand --exec 'Run PROG with ARGS (no shell) for each connection, the socket on its stdin/stdout'
            cand --sh-exec 'Run CMD with /bin/sh -c for each connection, the socket on its stdin/stdout'
            cand --max-conns 'Serve at most N clients at once; more are closed at accept'
            cand --allow 'Accept only clients from ADDR[/PREFIX] (repeatable)'
            cand --deny 'Refuse clients from ADDR[/PREFIX] (repeatable)'
            cand -b 'Listen backlog'
            cand --backlog 'Listen backlog'
            cand --dump 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)'
            cand --dump-format 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --no-shutdown 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))'
            cand --crlf 'Send CRLF as the line ending (translate LF from stdin to CRLF)'
            cand --stats 'Print bytes each way, duration and throughput on stderr at the end'
            cand -k 'Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)'
            cand --keep-open 'Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)'
            cand --echo 'Send each client''s bytes back to it'
            cand --broker 'Chat room: every client''s bytes go to all other clients'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;connect'= {
            cand --unix 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)'
            cand --idle-timeout 'Close the connection when nothing moves either way for DUR'
            cand --linger 'After the peer''s EOF, send a file/pipe stdin for at most DUR more (0: end at once)'
            cand --send 'Send TEXT instead of reading stdin (escapes \r \n \t \\ \xHH), then half-close'
            cand --expect 'Read until the reply matches REGEX (exit 0) or EOF/timeout (exit 1, after 10s unless -w says); the reply goes to stdout as received'
            cand --concurrency 'How many ports to probe at once with -z (default 256, bounded by the open-file limit)'
            cand --wait-until 'Retry the connection every 200ms until it succeeds or DUR passes (wait-for-it)'
            cand -s 'Bind the local end to ADDR before connecting'
            cand --source 'Bind the local end to ADDR before connecting'
            cand -p 'Bind the local end to PORT before connecting'
            cand --source-port 'Bind the local end to PORT before connecting'
            cand --proxy 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@'
            cand --dump 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)'
            cand --dump-format 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --no-shutdown 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))'
            cand --crlf 'Send CRLF as the line ending (translate LF from stdin to CRLF)'
            cand --stats 'Print bytes each way, duration and throughput on stderr at the end'
            cand -z 'Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open'
            cand --scan 'Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open'
            cand --open 'With -z, show only the open ports (plain and --json), as nmap''s --open'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;udp-send'= {
            cand --unix 'Send to an AF_UNIX datagram socket at PATH (@name: abstract namespace)'
            cand --count 'Send the message (or each line, or the generated payload) N times'
            cand --interval 'Wait DUR between datagrams'
            cand --size 'Send a generated payload of BYTES (64, 1K) instead of MESSAGE or stdin'
            cand --ttl 'IP time-to-live (hop limit) of the datagrams, unicast and multicast'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --raw 'Send all of stdin as one datagram'
            cand --hex 'MESSAGE is hex (68656c6c6f)'
            cand --broadcast 'Allow sending to a broadcast address (SO_BROADCAST)'
            cand -r 'After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)'
            cand --wait-reply 'After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;udp-recv'= {
            cand --unix 'Receive on an AF_UNIX datagram socket at PATH (@name: abstract namespace)'
            cand --count 'Exit after N datagrams'
            cand --reply 'Answer each datagram with TEXT (escapes \r \n \t \\ \xHH)'
            cand --exec 'Run PROG with ARGS (no shell) per datagram, the payload on its stdin, its stdout sent back'
            cand --sh-exec 'Run CMD with /bin/sh -c per datagram, the payload on its stdin, its stdout sent back'
            cand --join 'Join multicast GROUP (repeatable)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --raw 'Write payload bytes unchanged, nothing added'
            cand --hex 'Print a hex dump of each datagram'
            cand --echo 'Send each datagram back to its sender'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;resolve'= {
            cand --type 'Only rows of this socket type'
            cand --reverse 'Reverse lookup of ADDR: name and aliases (getnameinfo, gethostbyaddr)'
            cand --service 'Look up a service by NAME or PORT (getservbyname / getservbyport)'
            cand --proto 'Protocol for --service'
            cand --protocol 'Look up a protocol by NAME or NUMBER (getprotobyname / getprotobynumber)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --canonical 'Ask for the canonical name (AI_CANONNAME)'
            cand --short 'Addresses only, one per line, in getaddrinfo order, without duplicates'
            cand --hostname 'Print this host''s name (gethostname)'
            cand --fqdn 'With --hostname: the fully qualified name, as Python''s getfqdn'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;sockopt'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every option known: name, level, value kind, socket types, get/set'
            cand get 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
            cand set 'Set options, read them back, and show requested and effective values'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;sockopt;list'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;sockopt;get'= {
            cand --type 'The kind of fresh socket (with -6: an AF_INET6 one)'
            cand --pid 'A live socket of a running process: its PID (with --fd)'
            cand --fd 'A live socket of a running process: the file descriptor (with --pid)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;sockopt;set'= {
            cand --type 'The kind of fresh socket (with -6: an AF_INET6 one)'
            cand --pid 'A live socket of a running process: its PID (with --fd)'
            cand --fd 'A live socket of a running process: the file descriptor (with --pid)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;sockopt;help'= {
            cand list 'Every option known: name, level, value kind, socket types, get/set'
            cand get 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
            cand set 'Set options, read them back, and show requested and effective values'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;sockopt;help;list'= {
        }
        &'sockkit;sockopt;help;get'= {
        }
        &'sockkit;sockopt;help;set'= {
        }
        &'sockkit;sockopt;help;help'= {
        }
        &'sockkit;conns'= {
            cand --state 'Only sockets in STATE (repeatable; ss''s state names and groups)'
            cand --sport 'Only sockets whose local port is PORT'
            cand --dport 'Only sockets whose peer port is PORT'
            cand --port 'Only sockets with PORT at either end'
            cand --src 'Only sockets whose local address is in ADDR[/PREFIX]'
            cand --dst 'Only sockets whose peer address is in ADDR[/PREFIX]'
            cand --watch 'Show again every DUR (250ms, 2s) until interrupted'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -a 'Sockets in every state'
            cand --all 'Sockets in every state'
            cand -l 'Listening sockets only (for UDP: bound and unconnected, UNCONN)'
            cand --listening 'Listening sockets only (for UDP: bound and unconnected, UNCONN)'
            cand -t 'TCP sockets (the default when neither -t nor -u is given)'
            cand --tcp 'TCP sockets (the default when neither -t nor -u is given)'
            cand -u 'UDP sockets'
            cand --udp 'UDP sockets'
            cand -p 'Show the processes that own each socket (name, pid, fd)'
            cand --processes 'Show the processes that own each socket (name, pid, fd)'
            cand -r 'Resolve addresses and ports to names'
            cand --resolve 'Resolve addresses and ports to names'
            cand -i 'TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes'
            cand --info 'TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes'
            cand -m 'Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)'
            cand --memory 'Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)'
            cand -s 'Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)'
            cand --summary 'Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand htons 'Host to network order, 16 bits'
            cand ntohs 'Network to host order, 16 bits'
            cand htonl 'Host to network order, 32 bits'
            cand ntohl 'Network to host order, 32 bits'
            cand inet_pton 'Text address to packed bytes (printed as hex)'
            cand inet_ntop 'Packed bytes (hex) to text address'
            cand inet_aton 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
            cand inet_ntoa 'Packed IPv4 bytes (hex) to dotted quad'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;byteorder;htons'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;ntohs'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;htonl'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;ntohl'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;inet_pton'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;inet_ntop'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;inet_aton'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;inet_ntoa'= {
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;byteorder;help'= {
            cand htons 'Host to network order, 16 bits'
            cand ntohs 'Network to host order, 16 bits'
            cand htonl 'Host to network order, 32 bits'
            cand ntohl 'Network to host order, 32 bits'
            cand inet_pton 'Text address to packed bytes (printed as hex)'
            cand inet_ntop 'Packed bytes (hex) to text address'
            cand inet_aton 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
            cand inet_ntoa 'Packed IPv4 bytes (hex) to dotted quad'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;byteorder;help;htons'= {
        }
        &'sockkit;byteorder;help;ntohs'= {
        }
        &'sockkit;byteorder;help;htonl'= {
        }
        &'sockkit;byteorder;help;ntohl'= {
        }
        &'sockkit;byteorder;help;inet_pton'= {
        }
        &'sockkit;byteorder;help;inet_ntop'= {
        }
        &'sockkit;byteorder;help;inet_aton'= {
        }
        &'sockkit;byteorder;help;inet_ntoa'= {
        }
        &'sockkit;byteorder;help;help'= {
        }
        &'sockkit;tls'= {
            cand --sni 'Server name to send (SNI) and verify instead of HOST'
            cand --alpn 'Offer these ALPN protocols, in order of preference (h2,http/1.1)'
            cand --ca 'Trust the CA certificates of this PEM file instead of the system''s roots'
            cand --pin 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it'
            cand --cert 'Client certificate chain to present (PEM), with --key'
            cand --key 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)'
            cand --tls-min 'Lowest TLS version to accept: 1.2 (default) or 1.3'
            cand --starttls 'Speak the protocol''s own upgrade first, as openssl s_client -starttls'
            cand --expires-within 'Exit 1 when any certificate of a chain expires within DUR (30d)'
            cand --proxy 'Reach the targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --insecure 'Do not verify the server''s certificate (said on stderr)'
            cand --pem 'Print each chain as PEM instead of the report'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;forward'= {
            cand --to 'The target: HOST:PORT or [V6ADDR]:PORT'
            cand --to-unix 'The target is the AF_UNIX stream socket at PATH (@name: abstract namespace)'
            cand --unix 'Listen on an AF_UNIX stream socket at PATH instead of TCP'
            cand --proxy 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@'
            cand --sni 'Server name to send (SNI) and verify instead of HOST'
            cand --alpn 'Offer these ALPN protocols, in order of preference (h2,http/1.1)'
            cand --ca 'Trust the CA certificates of this PEM file instead of the system''s roots'
            cand --pin 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it'
            cand --cert 'Client certificate chain to present (PEM), with --key'
            cand --key 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)'
            cand --tls-min 'Lowest TLS version to accept: 1.2 (default) or 1.3'
            cand --starttls 'Speak the protocol''s own upgrade first, as openssl s_client -starttls'
            cand --idle-timeout 'Close a client''s relay when nothing moves either way for DUR'
            cand --max-conns 'Serve at most N clients at once; more are closed at accept'
            cand --allow 'Accept only clients from ADDR[/PREFIX] (repeatable)'
            cand --deny 'Refuse clients from ADDR[/PREFIX] (repeatable)'
            cand -b 'Listen backlog'
            cand --backlog 'Listen backlog'
            cand --dump 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)'
            cand --dump-format 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)'
            cand -w 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand --timeout 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds'
            cand -O 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --sockopt 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)'
            cand --color 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never'
            cand --to-tls 'Speak TLS to the target (a client: verified against the system''s roots unless --ca, --pin or --insecure say otherwise)'
            cand --insecure 'Do not verify the server''s certificate (said on stderr)'
            cand -4 'Use IPv4 only'
            cand -6 'Use IPv6 only'
            cand -v 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --verbose 'Events on stderr; twice (-vv) also every socket system call, strace-style'
            cand --json 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sockkit;help'= {
            cand listen 'TCP or Unix stream server: accept a client and relay stdin/stdout'
            cand connect 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan'
            cand udp-send 'Send UDP or Unix datagrams'
            cand udp-recv 'Receive UDP or Unix datagrams, one line each'
            cand resolve 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols'
            cand sockopt 'Socket options: list them, read and set them on fresh or live sockets'
            cand conns 'The sockets on this host, like `ss -t state established`'
            cand byteorder 'The C byte-order and address helpers, exactly as Python''s socket module answers'
            cand tls 'TLS handshake and certificate chain of one or more servers: expiry, names, trust'
            cand forward 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sockkit;help;listen'= {
        }
        &'sockkit;help;connect'= {
        }
        &'sockkit;help;udp-send'= {
        }
        &'sockkit;help;udp-recv'= {
        }
        &'sockkit;help;resolve'= {
        }
        &'sockkit;help;sockopt'= {
            cand list 'Every option known: name, level, value kind, socket types, get/set'
            cand get 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
            cand set 'Set options, read them back, and show requested and effective values'
        }
        &'sockkit;help;sockopt;list'= {
        }
        &'sockkit;help;sockopt;get'= {
        }
        &'sockkit;help;sockopt;set'= {
        }
        &'sockkit;help;conns'= {
        }
        &'sockkit;help;byteorder'= {
            cand htons 'Host to network order, 16 bits'
            cand ntohs 'Network to host order, 16 bits'
            cand htonl 'Host to network order, 32 bits'
            cand ntohl 'Network to host order, 32 bits'
            cand inet_pton 'Text address to packed bytes (printed as hex)'
            cand inet_ntop 'Packed bytes (hex) to text address'
            cand inet_aton 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
            cand inet_ntoa 'Packed IPv4 bytes (hex) to dotted quad'
        }
        &'sockkit;help;byteorder;htons'= {
        }
        &'sockkit;help;byteorder;ntohs'= {
        }
        &'sockkit;help;byteorder;htonl'= {
        }
        &'sockkit;help;byteorder;ntohl'= {
        }
        &'sockkit;help;byteorder;inet_pton'= {
        }
        &'sockkit;help;byteorder;inet_ntop'= {
        }
        &'sockkit;help;byteorder;inet_aton'= {
        }
        &'sockkit;help;byteorder;inet_ntoa'= {
        }
        &'sockkit;help;tls'= {
        }
        &'sockkit;help;forward'= {
        }
        &'sockkit;help;help'= {
        }
    ]
    $completions[$command]
}
