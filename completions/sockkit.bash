_sockkit() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="sockkit"
                ;;
            sockkit,byteorder)
                cmd="sockkit__subcmd__byteorder"
                ;;
            sockkit,connect)
                cmd="sockkit__subcmd__connect"
                ;;
            sockkit,conns)
                cmd="sockkit__subcmd__conns"
                ;;
            sockkit,forward)
                cmd="sockkit__subcmd__forward"
                ;;
            sockkit,help)
                cmd="sockkit__subcmd__help"
                ;;
            sockkit,listen)
                cmd="sockkit__subcmd__listen"
                ;;
            sockkit,ping)
                cmd="sockkit__subcmd__ping"
                ;;
            sockkit,resolve)
                cmd="sockkit__subcmd__resolve"
                ;;
            sockkit,sockopt)
                cmd="sockkit__subcmd__sockopt"
                ;;
            sockkit,tls)
                cmd="sockkit__subcmd__tls"
                ;;
            sockkit,udp-recv)
                cmd="sockkit__subcmd__udp__subcmd__recv"
                ;;
            sockkit,udp-send)
                cmd="sockkit__subcmd__udp__subcmd__send"
                ;;
            sockkit,wait)
                cmd="sockkit__subcmd__wait"
                ;;
            sockkit__subcmd__byteorder,help)
                cmd="sockkit__subcmd__byteorder__subcmd__help"
                ;;
            sockkit__subcmd__byteorder,htonl)
                cmd="sockkit__subcmd__byteorder__subcmd__htonl"
                ;;
            sockkit__subcmd__byteorder,htons)
                cmd="sockkit__subcmd__byteorder__subcmd__htons"
                ;;
            sockkit__subcmd__byteorder,inet_aton)
                cmd="sockkit__subcmd__byteorder__subcmd__inet_aton"
                ;;
            sockkit__subcmd__byteorder,inet_ntoa)
                cmd="sockkit__subcmd__byteorder__subcmd__inet_ntoa"
                ;;
            sockkit__subcmd__byteorder,inet_ntop)
                cmd="sockkit__subcmd__byteorder__subcmd__inet_ntop"
                ;;
            sockkit__subcmd__byteorder,inet_pton)
                cmd="sockkit__subcmd__byteorder__subcmd__inet_pton"
                ;;
            sockkit__subcmd__byteorder,ntohl)
                cmd="sockkit__subcmd__byteorder__subcmd__ntohl"
                ;;
            sockkit__subcmd__byteorder,ntohs)
                cmd="sockkit__subcmd__byteorder__subcmd__ntohs"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,help)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__help"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,htonl)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__htonl"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,htons)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__htons"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,inet_aton)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_aton"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,inet_ntoa)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_ntoa"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,inet_ntop)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_ntop"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,inet_pton)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_pton"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,ntohl)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__ntohl"
                ;;
            sockkit__subcmd__byteorder__subcmd__help,ntohs)
                cmd="sockkit__subcmd__byteorder__subcmd__help__subcmd__ntohs"
                ;;
            sockkit__subcmd__help,byteorder)
                cmd="sockkit__subcmd__help__subcmd__byteorder"
                ;;
            sockkit__subcmd__help,connect)
                cmd="sockkit__subcmd__help__subcmd__connect"
                ;;
            sockkit__subcmd__help,conns)
                cmd="sockkit__subcmd__help__subcmd__conns"
                ;;
            sockkit__subcmd__help,forward)
                cmd="sockkit__subcmd__help__subcmd__forward"
                ;;
            sockkit__subcmd__help,help)
                cmd="sockkit__subcmd__help__subcmd__help"
                ;;
            sockkit__subcmd__help,listen)
                cmd="sockkit__subcmd__help__subcmd__listen"
                ;;
            sockkit__subcmd__help,ping)
                cmd="sockkit__subcmd__help__subcmd__ping"
                ;;
            sockkit__subcmd__help,resolve)
                cmd="sockkit__subcmd__help__subcmd__resolve"
                ;;
            sockkit__subcmd__help,sockopt)
                cmd="sockkit__subcmd__help__subcmd__sockopt"
                ;;
            sockkit__subcmd__help,tls)
                cmd="sockkit__subcmd__help__subcmd__tls"
                ;;
            sockkit__subcmd__help,udp-recv)
                cmd="sockkit__subcmd__help__subcmd__udp__subcmd__recv"
                ;;
            sockkit__subcmd__help,udp-send)
                cmd="sockkit__subcmd__help__subcmd__udp__subcmd__send"
                ;;
            sockkit__subcmd__help,wait)
                cmd="sockkit__subcmd__help__subcmd__wait"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,htonl)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__htonl"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,htons)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__htons"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,inet_aton)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_aton"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,inet_ntoa)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_ntoa"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,inet_ntop)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_ntop"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,inet_pton)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_pton"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,ntohl)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__ntohl"
                ;;
            sockkit__subcmd__help__subcmd__byteorder,ntohs)
                cmd="sockkit__subcmd__help__subcmd__byteorder__subcmd__ntohs"
                ;;
            sockkit__subcmd__help__subcmd__sockopt,get)
                cmd="sockkit__subcmd__help__subcmd__sockopt__subcmd__get"
                ;;
            sockkit__subcmd__help__subcmd__sockopt,list)
                cmd="sockkit__subcmd__help__subcmd__sockopt__subcmd__list"
                ;;
            sockkit__subcmd__help__subcmd__sockopt,set)
                cmd="sockkit__subcmd__help__subcmd__sockopt__subcmd__set"
                ;;
            sockkit__subcmd__sockopt,get)
                cmd="sockkit__subcmd__sockopt__subcmd__get"
                ;;
            sockkit__subcmd__sockopt,help)
                cmd="sockkit__subcmd__sockopt__subcmd__help"
                ;;
            sockkit__subcmd__sockopt,list)
                cmd="sockkit__subcmd__sockopt__subcmd__list"
                ;;
            sockkit__subcmd__sockopt,set)
                cmd="sockkit__subcmd__sockopt__subcmd__set"
                ;;
            sockkit__subcmd__sockopt__subcmd__help,get)
                cmd="sockkit__subcmd__sockopt__subcmd__help__subcmd__get"
                ;;
            sockkit__subcmd__sockopt__subcmd__help,help)
                cmd="sockkit__subcmd__sockopt__subcmd__help__subcmd__help"
                ;;
            sockkit__subcmd__sockopt__subcmd__help,list)
                cmd="sockkit__subcmd__sockopt__subcmd__help__subcmd__list"
                ;;
            sockkit__subcmd__sockopt__subcmd__help,set)
                cmd="sockkit__subcmd__sockopt__subcmd__help__subcmd__set"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        sockkit)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version listen connect udp-send udp-recv resolve sockopt conns byteorder ping wait tls forward help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help)
            opts="htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__htonl)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__htons)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_aton)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_ntoa)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_ntop)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__inet_pton)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__ntohl)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__help__subcmd__ntohs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__htonl)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__htons)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__inet_aton)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__inet_ntoa)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__inet_ntop)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version inet inet6"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__inet_pton)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version inet inet6"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__ntohl)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__byteorder__subcmd__ntohs)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__connect)
            opts="-n -z -s -p -4 -6 -w -v -O -h -V --unix --no-shutdown --crlf --idle-timeout --linger --stats --numeric --send --expect --scan --open --concurrency --targets --wait-until --source --source-port --proxy --ssl --tls --sni --alpn --ca --pin --insecure --cert --key --tls-min --starttls --dump --dump-format --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idle-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --linger)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --send)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --targets)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wait-until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sni)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-min)
                    COMPREPLY=($(compgen -W "1.2 1.3" -- "${cur}"))
                    return 0
                    ;;
                --starttls)
                    COMPREPLY=($(compgen -W "smtp imap pop3 ftp postgres" -- "${cur}"))
                    return 0
                    ;;
                --dump)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dump-format)
                    COMPREPLY=($(compgen -W "hex text json" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__conns)
            opts="-a -l -t -u -p -r -i -m -s -x -H -n -o -e -K -E -N -4 -6 -w -v -O -h -V --all --listening --tcp --udp --processes --sport --dport --port --src --dst --resolve --info --memory --summary --watch --unix --no-header --numeric --timers --extended --kill --events --netns --state --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sport)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dport)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --src)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dst)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --watch)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --netns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -N)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -W "established syn-sent syn-recv fin-wait-1 fin-wait-2 time-wait closed close-wait last-ack listening closing connected synchronized bucket big all" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__forward)
            opts="-b -4 -6 -w -v -O -h -V --to --to-unix --unix --proxy --ssl --tls --server-cert --server-key --verify-client --to-tls --sni --alpn --ca --pin --insecure --cert --key --tls-min --starttls --idle-timeout --max-conns --allow --deny --backlog --dump --dump-format --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-client)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sni)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-min)
                    COMPREPLY=($(compgen -W "1.2 1.3" -- "${cur}"))
                    return 0
                    ;;
                --starttls)
                    COMPREPLY=($(compgen -W "smtp imap pop3 ftp postgres" -- "${cur}"))
                    return 0
                    ;;
                --idle-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-conns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deny)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backlog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dump)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dump-format)
                    COMPREPLY=($(compgen -W "hex text json" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help)
            opts="listen connect udp-send udp-recv resolve sockopt conns byteorder ping wait tls forward help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder)
            opts="htons ntohs htonl ntohl inet_pton inet_ntop inet_aton inet_ntoa"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__htonl)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__htons)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_aton)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_ntoa)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_ntop)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__inet_pton)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__ntohl)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__byteorder__subcmd__ntohs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__connect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__conns)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__forward)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__ping)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__resolve)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__sockopt)
            opts="list get set"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__sockopt__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__sockopt__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__sockopt__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__tls)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__udp__subcmd__recv)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__udp__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__help__subcmd__wait)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__listen)
            opts="-n -k -b -4 -6 -w -v -O -h -V --unix --no-shutdown --crlf --idle-timeout --linger --stats --numeric --keep-open --echo --exec --sh-exec --broker --max-conns --allow --deny --backlog --ssl --tls --cert --key --verify-client --alpn --dump --dump-format --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idle-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --linger)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sh-exec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-conns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deny)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backlog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --verify-client)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dump)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dump-format)
                    COMPREPLY=($(compgen -W "hex text json" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__ping)
            opts="-c -i -4 -6 -w -v -O -h -V --count --interval --tls --proxy --sni --alpn --ca --pin --insecure --cert --key --tls-min --starttls --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -i)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sni)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-min)
                    COMPREPLY=($(compgen -W "1.2 1.3" -- "${cur}"))
                    return 0
                    ;;
                --starttls)
                    COMPREPLY=($(compgen -W "smtp imap pop3 ftp postgres" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__resolve)
            opts="-4 -6 -w -v -O -h -V --type --canonical --short --reverse --service --proto --protocol --hostname --fqdn --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -W "stream dgram raw" -- "${cur}"))
                    return 0
                    ;;
                --reverse)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proto)
                    COMPREPLY=($(compgen -W "tcp udp" -- "${cur}"))
                    return 0
                    ;;
                --protocol)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version list get set help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__get)
            opts="-4 -6 -w -v -O -h -V --type --pid --fd --timeout --verbose --json --color --sockopt --help --version SO_ACCEPTCONN SO_BINDTODEVICE SO_BROADCAST SO_BUSY_POLL SO_DOMAIN SO_DONTROUTE SO_ERROR SO_INCOMING_CPU SO_KEEPALIVE SO_LINGER SO_MARK SO_OOBINLINE SO_PASSCRED SO_PEEK_OFF SO_PRIORITY SO_PROTOCOL SO_RCVBUF SO_RCVLOWAT SO_RCVTIMEO SO_REUSEADDR SO_REUSEPORT SO_SNDBUF SO_SNDLOWAT SO_SNDTIMEO SO_TIMESTAMP SO_TYPE SO_ZEROCOPY TCP_CONGESTION TCP_CORK TCP_DEFER_ACCEPT TCP_FASTOPEN TCP_FASTOPEN_CONNECT TCP_INFO TCP_KEEPCNT TCP_KEEPIDLE TCP_KEEPINTVL TCP_LINGER2 TCP_MAXSEG TCP_NODELAY TCP_NOTSENT_LOWAT TCP_QUICKACK TCP_SYNCNT TCP_THIN_LINEAR_TIMEOUTS TCP_USER_TIMEOUT TCP_WINDOW_CLAMP IP_BIND_ADDRESS_NO_PORT IP_FREEBIND IP_MTU IP_MTU_DISCOVER IP_MULTICAST_LOOP IP_MULTICAST_TTL IP_PKTINFO IP_RECVERR IP_RECVTOS IP_TOS IP_TRANSPARENT IP_TTL IPV6_MTU IPV6_MTU_DISCOVER IPV6_MULTICAST_HOPS IPV6_MULTICAST_LOOP IPV6_RECVERR IPV6_RECVPKTINFO IPV6_TCLASS IPV6_UNICAST_HOPS IPV6_V6ONLY"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -W "tcp udp unix-stream unix-dgram" -- "${cur}"))
                    return 0
                    ;;
                --pid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__help)
            opts="list get set help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__help__subcmd__set)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__list)
            opts="-4 -6 -w -v -O -h -V --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__sockopt__subcmd__set)
            opts="-4 -6 -w -v -O -h -V --type --pid --fd --timeout --verbose --json --color --sockopt --help --version SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY="
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -W "tcp udp unix-stream unix-dgram" -- "${cur}"))
                    return 0
                    ;;
                --pid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__tls)
            opts="-4 -6 -w -v -O -h -V --expires-within --pem --proxy --sni --alpn --ca --pin --insecure --cert --key --tls-min --starttls --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --expires-within)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sni)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-min)
                    COMPREPLY=($(compgen -W "1.2 1.3" -- "${cur}"))
                    return 0
                    ;;
                --starttls)
                    COMPREPLY=($(compgen -W "smtp imap pop3 ftp postgres" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__udp__subcmd__recv)
            opts="-n -4 -6 -w -v -O -h -V --unix --raw --hex --count --echo --reply --exec --sh-exec --join --numeric --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reply)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sh-exec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --join)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__udp__subcmd__send)
            opts="-r -n -4 -6 -w -v -O -h -V --unix --raw --count --interval --size --hex --broadcast --ttl --wait-reply --numeric --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --unix)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sockkit__subcmd__wait)
            opts="-4 -6 -w -v -O -h -V --any --status --proxy --sni --alpn --ca --pin --insecure --cert --key --tls-min --starttls --timeout --verbose --json --color --sockopt --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sni)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --alpn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-min)
                    COMPREPLY=($(compgen -W "1.2 1.3" -- "${cur}"))
                    return 0
                    ;;
                --starttls)
                    COMPREPLY=($(compgen -W "smtp imap pop3 ftp postgres" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -w)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --sockopt)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                -O)
                    COMPREPLY=($(compgen -W "SO_BINDTODEVICE= SO_BROADCAST= SO_BUSY_POLL= SO_DONTROUTE= SO_INCOMING_CPU= SO_KEEPALIVE= SO_LINGER= SO_MARK= SO_OOBINLINE= SO_PASSCRED= SO_PEEK_OFF= SO_PRIORITY= SO_RCVBUF= SO_RCVBUFFORCE= SO_RCVLOWAT= SO_RCVTIMEO= SO_REUSEADDR= SO_REUSEPORT= SO_SNDBUF= SO_SNDBUFFORCE= SO_SNDTIMEO= SO_TIMESTAMP= SO_ZEROCOPY= TCP_CONGESTION= TCP_CORK= TCP_DEFER_ACCEPT= TCP_FASTOPEN= TCP_FASTOPEN_CONNECT= TCP_KEEPCNT= TCP_KEEPIDLE= TCP_KEEPINTVL= TCP_LINGER2= TCP_MAXSEG= TCP_NODELAY= TCP_NOTSENT_LOWAT= TCP_QUICKACK= TCP_SYNCNT= TCP_THIN_LINEAR_TIMEOUTS= TCP_USER_TIMEOUT= TCP_WINDOW_CLAMP= IP_BIND_ADDRESS_NO_PORT= IP_FREEBIND= IP_MTU_DISCOVER= IP_MULTICAST_LOOP= IP_MULTICAST_TTL= IP_PKTINFO= IP_RECVERR= IP_RECVTOS= IP_TOS= IP_TRANSPARENT= IP_TTL= IPV6_MTU_DISCOVER= IPV6_MULTICAST_HOPS= IPV6_MULTICAST_LOOP= IPV6_RECVERR= IPV6_RECVPKTINFO= IPV6_TCLASS= IPV6_UNICAST_HOPS= IPV6_V6ONLY=" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

_sockkit_settings() {
    _sockkit "$@"
    local c
    for c in "${COMPREPLY[@]}"; do
        [[ "$c" == *= ]] || return 0
    done
    [[ ${#COMPREPLY[@]} -gt 0 ]] && compopt -o nospace 2>/dev/null
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _sockkit_settings -o nosort -o bashdefault -o default sockkit
else
    complete -F _sockkit_settings -o bashdefault -o default sockkit
fi
