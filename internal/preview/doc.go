// Package preview serves a live preview of a data file in the web browser: both sides of
// the leaflet as SVG (package svg paints the same layout plan the PDF files are painted
// from), the problems of the data with their lines, and the roster sheets as tables. The
// data file is watched; on every change the page is brought up to date through server-sent
// events, without a reload. While the data has errors the last good pages stay, dimmed,
// under the list of problems. A click on a text shows where in the data it comes from.
//
// Safety on a shared computer: the server listens on a loopback address only (Listen);
// every request must name that address, or localhost, with the server's port in its Host
// header, so that a web page whose name an attacker points at 127.0.0.1 (DNS rebinding)
// cannot read it; the one request that changes anything, the build button's POST /build,
// must carry the session's random token, which only the page itself can read, and the
// page's own Origin. The server serves its page, its script and style, the embedded fonts,
// the preview's state and the files its last build wrote, nothing else; it writes nothing
// but what the build button writes, through the same all-or-nothing writer as the command
// line's build.
//
// The page speaks the browser's language where the catalogue (package i18n) has it, else the
// command line's (Config.Lang): its own words (IDs preview.ui.*) and the data's problems.
//
// Limits: a data file is read up to brochure.MaxFileSize; at most MaxClients pages listen
// for changes at once; a change is looked for by the file system's notifications and, in
// case they miss one (network drives), by a look at the file's size and time every
// PollInterval.
package preview
