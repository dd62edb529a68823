# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_sockkit_global_optspecs
    string join \n 4 6 w/timeout= O/sockopt= v/verbose json color= h/help V/version
end

function __fish_sockkit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_sockkit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_sockkit_using_subcommand
    set -l cmd (__fish_sockkit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c sockkit -n "__fish_sockkit_needs_command" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_needs_command" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_needs_command" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_needs_command" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_needs_command" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_needs_command" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_needs_command" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_needs_command" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "listen" -d 'TCP or Unix stream server: accept a client and relay stdin/stdout'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "connect" -d 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "udp-send" -d 'Send UDP or Unix datagrams'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "udp-recv" -d 'Receive UDP or Unix datagrams, one line each'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "resolve" -d 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "sockopt" -d 'Socket options: list them, read and set them on fresh or live sockets'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "conns" -d 'The sockets on this host, like `ss -t state established`'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "byteorder" -d 'The C byte-order and address helpers, exactly as Python\'s socket module answers'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "tls" -d 'TLS handshake and certificate chain of one or more servers: expiry, names, trust'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "forward" -d 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump'
complete -c sockkit -n "__fish_sockkit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l unix -d 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l idle-timeout -d 'Close the connection when nothing moves either way for DUR' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l linger -d 'After the peer\'s EOF, send a file/pipe stdin for at most DUR more (0: end at once)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l exec -d 'Run PROG with ARGS (no shell) for each connection, the socket on its stdin/stdout' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l sh-exec -d 'Run CMD with /bin/sh -c for each connection, the socket on its stdin/stdout' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l max-conns -d 'Serve at most N clients at once; more are closed at accept' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l allow -d 'Accept only clients from ADDR[/PREFIX] (repeatable)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l deny -d 'Refuse clients from ADDR[/PREFIX] (repeatable)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s b -l backlog -d 'Listen backlog' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l dump -d 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l dump-format -d 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)' -r -f -a "hex\t''
text\t''
json\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l no-shutdown -d 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l crlf -d 'Send CRLF as the line ending (translate LF from stdin to CRLF)'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l stats -d 'Print bytes each way, duration and throughput on stderr at the end'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s k -l keep-open -d 'Keep accepting; clients are served concurrently (client data to stdout, stdin to every client)'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l echo -d 'Send each client\'s bytes back to it'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l broker -d 'Chat room: every client\'s bytes go to all other clients'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand listen" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l unix -d 'Use an AF_UNIX stream socket at PATH instead of TCP (@name: Linux abstract namespace)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l idle-timeout -d 'Close the connection when nothing moves either way for DUR' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l linger -d 'After the peer\'s EOF, send a file/pipe stdin for at most DUR more (0: end at once)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l send -d 'Send TEXT instead of reading stdin (escapes \\r \\n \\t \\\\ \\xHH), then half-close' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l expect -d 'Read until the reply matches REGEX (exit 0) or EOF/timeout (exit 1, after 10s unless -w says); the reply goes to stdout as received' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l concurrency -d 'How many ports to probe at once with -z (default 256, bounded by the open-file limit)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l wait-until -d 'Retry the connection every 200ms until it succeeds or DUR passes (wait-for-it)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s s -l source -d 'Bind the local end to ADDR before connecting' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s p -l source-port -d 'Bind the local end to PORT before connecting' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l proxy -d 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l dump -d 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l dump-format -d 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)' -r -f -a "hex\t''
text\t''
json\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l no-shutdown -d 'Keep the write side open on stdin EOF instead of half-closing (shutdown(SHUT_WR))'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l crlf -d 'Send CRLF as the line ending (translate LF from stdin to CRLF)'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l stats -d 'Print bytes each way, duration and throughput on stderr at the end'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s z -l scan -d 'Zero-I/O mode: report which of PORTS are open, probed concurrently; exit 0 if any is open'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l open -d 'With -z, show only the open ports (plain and --json), as nmap\'s --open'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand connect" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l unix -d 'Send to an AF_UNIX datagram socket at PATH (@name: abstract namespace)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l count -d 'Send the message (or each line, or the generated payload) N times' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l interval -d 'Wait DUR between datagrams' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l size -d 'Send a generated payload of BYTES (64, 1K) instead of MESSAGE or stdin' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l ttl -d 'IP time-to-live (hop limit) of the datagrams, unicast and multicast' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l raw -d 'Send all of stdin as one datagram'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l hex -d 'MESSAGE is hex (68656c6c6f)'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l broadcast -d 'Allow sending to a broadcast address (SO_BROADCAST)'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s r -l wait-reply -d 'After each datagram wait up to --timeout (default 2s) for a reply and print it (exit 1 when none came)'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-send" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l unix -d 'Receive on an AF_UNIX datagram socket at PATH (@name: abstract namespace)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l count -d 'Exit after N datagrams' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l reply -d 'Answer each datagram with TEXT (escapes \\r \\n \\t \\\\ \\xHH)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l exec -d 'Run PROG with ARGS (no shell) per datagram, the payload on its stdin, its stdout sent back' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l sh-exec -d 'Run CMD with /bin/sh -c per datagram, the payload on its stdin, its stdout sent back' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l join -d 'Join multicast GROUP (repeatable)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l raw -d 'Write payload bytes unchanged, nothing added'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l hex -d 'Print a hex dump of each datagram'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l echo -d 'Send each datagram back to its sender'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand udp-recv" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l type -d 'Only rows of this socket type' -r -f -a "stream\t''
dgram\t''
raw\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l reverse -d 'Reverse lookup of ADDR: name and aliases (getnameinfo, gethostbyaddr)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l service -d 'Look up a service by NAME or PORT (getservbyname / getservbyport)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l proto -d 'Protocol for --service' -r -f -a "tcp\t''
udp\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l protocol -d 'Look up a protocol by NAME or NUMBER (getprotobyname / getprotobynumber)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l canonical -d 'Ask for the canonical name (AI_CANONNAME)'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l short -d 'Addresses only, one per line, in getaddrinfo order, without duplicates'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l hostname -d 'Print this host\'s name (gethostname)'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l fqdn -d 'With --hostname: the fully qualified name, as Python\'s getfqdn'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand resolve" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -f -a "list" -d 'Every option known: name, level, value kind, socket types, get/set'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -f -a "get" -d 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -f -a "set" -d 'Set options, read them back, and show requested and effective values'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and not __fish_seen_subcommand_from list get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -l type -d 'The kind of fresh socket (with -6: an AF_INET6 one)' -r -f -a "tcp\t''
udp\t''
unix-stream\t''
unix-dgram\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -l pid -d 'A live socket of a running process: its PID (with --fd)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -l fd -d 'A live socket of a running process: the file descriptor (with --pid)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -l type -d 'The kind of fresh socket (with -6: an AF_INET6 one)' -r -f -a "tcp\t''
udp\t''
unix-stream\t''
unix-dgram\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -l pid -d 'A live socket of a running process: its PID (with --fd)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -l fd -d 'A live socket of a running process: the file descriptor (with --pid)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every option known: name, level, value kind, socket types, get/set'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from help" -f -a "get" -d 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set options, read them back, and show requested and effective values'
complete -c sockkit -n "__fish_sockkit_using_subcommand sockopt; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l state -d 'Only sockets in STATE (repeatable; ss\'s state names and groups)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l sport -d 'Only sockets whose local port is PORT' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l dport -d 'Only sockets whose peer port is PORT' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l port -d 'Only sockets with PORT at either end' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l src -d 'Only sockets whose local address is in ADDR[/PREFIX]' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l dst -d 'Only sockets whose peer address is in ADDR[/PREFIX]' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l watch -d 'Show again every DUR (250ms, 2s) until interrupted' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s a -l all -d 'Sockets in every state'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s l -l listening -d 'Listening sockets only (for UDP: bound and unconnected, UNCONN)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s t -l tcp -d 'TCP sockets (the default when neither -t nor -u is given)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s u -l udp -d 'UDP sockets'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s p -l processes -d 'Show the processes that own each socket (name, pid, fd)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s r -l resolve -d 'Resolve addresses and ports to names'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s i -l info -d 'TCP internals (TCP_INFO): congestion control, rtt, cwnd, mss, retransmits, bytes'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s m -l memory -d 'Socket memory, as ss -m shows it: skmem:(r,rb,t,tb,f,w,o,bl,d)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s s -l summary -d 'Counts by protocol and state instead of rows (every state, TCP and UDP, unless asked)'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand conns" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "htons" -d 'Host to network order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "ntohs" -d 'Network to host order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "htonl" -d 'Host to network order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "ntohl" -d 'Network to host order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "inet_pton" -d 'Text address to packed bytes (printed as hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "inet_ntop" -d 'Packed bytes (hex) to text address'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "inet_aton" -d 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "inet_ntoa" -d 'Packed IPv4 bytes (hex) to dotted quad'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and not __fish_seen_subcommand_from htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htons" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohs" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from htonl" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from ntohl" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_pton" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntop" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_aton" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s h -l help -d 'Print help'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from inet_ntoa" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "htons" -d 'Host to network order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "ntohs" -d 'Network to host order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "htonl" -d 'Host to network order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "ntohl" -d 'Network to host order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "inet_pton" -d 'Text address to packed bytes (printed as hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "inet_ntop" -d 'Packed bytes (hex) to text address'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "inet_aton" -d 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "inet_ntoa" -d 'Packed IPv4 bytes (hex) to dotted quad'
complete -c sockkit -n "__fish_sockkit_using_subcommand byteorder; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l sni -d 'Server name to send (SNI) and verify instead of HOST' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l alpn -d 'Offer these ALPN protocols, in order of preference (h2,http/1.1)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l ca -d 'Trust the CA certificates of this PEM file instead of the system\'s roots' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l pin -d 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l cert -d 'Client certificate chain to present (PEM), with --key' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l key -d 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l tls-min -d 'Lowest TLS version to accept: 1.2 (default) or 1.3' -r -f -a "1.2\t''
1.3\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l starttls -d 'Speak the protocol\'s own upgrade first, as openssl s_client -starttls' -r -f -a "smtp\t''
imap\t''
pop3\t''
ftp\t''
postgres\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l expires-within -d 'Exit 1 when any certificate of a chain expires within DUR (30d)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l proxy -d 'Reach the targets through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l insecure -d 'Do not verify the server\'s certificate (said on stderr)'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l pem -d 'Print each chain as PEM instead of the report'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand tls" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l to -d 'The target: HOST:PORT or [V6ADDR]:PORT' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l to-unix -d 'The target is the AF_UNIX stream socket at PATH (@name: abstract namespace)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l unix -d 'Listen on an AF_UNIX stream socket at PATH instead of TCP' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l proxy -d 'Reach the target through a proxy: socks5://, socks5h://, socks4a://, http:// (CONNECT), with optional user:pass@' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l sni -d 'Server name to send (SNI) and verify instead of HOST' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l alpn -d 'Offer these ALPN protocols, in order of preference (h2,http/1.1)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l ca -d 'Trust the CA certificates of this PEM file instead of the system\'s roots' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l pin -d 'Accept exactly the certificate with this SHA-256 fingerprint, whoever issued it' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l cert -d 'Client certificate chain to present (PEM), with --key' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l key -d 'Private key of --cert (PEM: PKCS#8, PKCS#1 or SEC1)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l tls-min -d 'Lowest TLS version to accept: 1.2 (default) or 1.3' -r -f -a "1.2\t''
1.3\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l starttls -d 'Speak the protocol\'s own upgrade first, as openssl s_client -starttls' -r -f -a "smtp\t''
imap\t''
pop3\t''
ftp\t''
postgres\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l idle-timeout -d 'Close a client\'s relay when nothing moves either way for DUR' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l max-conns -d 'Serve at most N clients at once; more are closed at accept' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l allow -d 'Accept only clients from ADDR[/PREFIX] (repeatable)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l deny -d 'Refuse clients from ADDR[/PREFIX] (repeatable)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s b -l backlog -d 'Listen backlog' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l dump -d 'Record every chunk each way with a timestamp, the connection and the direction, to PATH (-: stderr)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l dump-format -d 'Form of the --dump records: hex (offset, hex, ASCII), text (> / < markers), json (one object per chunk)' -r -f -a "hex\t''
text\t''
json\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s w -l timeout -d 'Bound on connect, accept and response waits: 250ms, 2s, 1m30s; a bare number is seconds' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s O -l sockopt -d 'Set a socket option on every socket created, before bind/connect (repeatable; see `sockopt list`)' -r
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l color -d 'When to colour output: auto (a terminal, NO_COLOR unset, TERM not dumb), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l to-tls -d 'Speak TLS to the target (a client: verified against the system\'s roots unless --ca, --pin or --insecure say otherwise)'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l insecure -d 'Do not verify the server\'s certificate (said on stderr)'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s 4 -d 'Use IPv4 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s 6 -d 'Use IPv6 only'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s v -l verbose -d 'Events on stderr; twice (-vv) also every socket system call, strace-style'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -l json -d 'Records as JSON Lines on stdout, events as JSON Lines on stderr'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sockkit -n "__fish_sockkit_using_subcommand forward" -s V -l version -d 'Print version'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "listen" -d 'TCP or Unix stream server: accept a client and relay stdin/stdout'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "connect" -d 'TCP or Unix stream client: connect and relay stdin/stdout, send/expect, port scan'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "udp-send" -d 'Send UDP or Unix datagrams'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "udp-recv" -d 'Receive UDP or Unix datagrams, one line each'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "resolve" -d 'The resolver as the C library sees it: getaddrinfo, getnameinfo, services, protocols'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "sockopt" -d 'Socket options: list them, read and set them on fresh or live sockets'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "conns" -d 'The sockets on this host, like `ss -t state established`'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "byteorder" -d 'The C byte-order and address helpers, exactly as Python\'s socket module answers'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "tls" -d 'TLS handshake and certificate chain of one or more servers: expiry, names, trust'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "forward" -d 'Relay every client to a target: a port forwarder (socat TCP-LISTEN,fork TCP:..), with --dump'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and not __fish_seen_subcommand_from listen connect udp-send udp-recv resolve sockopt conns byteorder tls forward help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from sockopt" -f -a "list" -d 'Every option known: name, level, value kind, socket types, get/set'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from sockopt" -f -a "get" -d 'Read options on a fresh socket of --type, or a live one (--pid, --fd); all readable ones when no NAME'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from sockopt" -f -a "set" -d 'Set options, read them back, and show requested and effective values'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "htons" -d 'Host to network order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "ntohs" -d 'Network to host order, 16 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "htonl" -d 'Host to network order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "ntohl" -d 'Network to host order, 32 bits'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "inet_pton" -d 'Text address to packed bytes (printed as hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "inet_ntop" -d 'Packed bytes (hex) to text address'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "inet_aton" -d 'IPv4 text in any classic form (127.1, 0x7f.1, 2130706433) to packed bytes (hex)'
complete -c sockkit -n "__fish_sockkit_using_subcommand help; and __fish_seen_subcommand_from byteorder" -f -a "inet_ntoa" -d 'Packed IPv4 bytes (hex) to dotted quad'
