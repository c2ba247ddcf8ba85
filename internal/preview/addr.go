package preview

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"net"
	"strings"
)

// DefaultAddr is the address the preview listens on when none is given: the loopback
// address with a port the system picks.
const DefaultAddr = "127.0.0.1:0"

// Listen opens a listener on addr, which must be a loopback address (127.0.0.0/8 or ::1)
// or localhost (taken as 127.0.0.1), with a port; port 0 lets the system pick one. Any
// other address is refused, so that no other computer can reach the preview.
func Listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, i18n.T("preview.addr.bad", addr, DefaultAddr)
	}
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return nil, i18n.T("preview.addr.loopback", addr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), port))
	if err != nil {
		return nil, i18n.Wrap(err, "preview.listen", addr, err)
	}
	return ln, nil
}

// allowedHosts are the Host headers a request to the listener at addr may carry: the
// address itself and localhost, each with the port.
func allowedHosts(addr *net.TCPAddr) map[string]bool {
	port := fmt.Sprint(addr.Port)
	hosts := map[string]bool{
		net.JoinHostPort(addr.IP.String(), port): true,
		net.JoinHostPort("localhost", port):      true,
	}
	return hosts
}
