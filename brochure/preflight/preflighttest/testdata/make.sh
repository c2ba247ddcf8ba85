#!/bin/sh
# Remakes the benign files of the preflight's hostile-file table: made by Ghostscript,
# LibreOffice and qpdf from ghostscript.ps and libreoffice.csv. Run in this folder.
set -eu
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFSETTINGS=/prepress -dCompatibilityLevel=1.4 -sOutputFile=ghostscript.pdf ghostscript.ps
HOME=$(mktemp -d) soffice --headless --convert-to pdf --outdir . libreoffice.csv >/dev/null
W=--allow-weak-crypto
qpdf --linearize ghostscript.pdf qpdf-linearized.pdf
qpdf --object-streams=generate ghostscript.pdf qpdf-objstm.pdf
qpdf --force-version=2.0 ghostscript.pdf qpdf-pdf20.pdf
qpdf $W --encrypt "" owner 40 -- ghostscript.pdf qpdf-rc4-40.pdf
qpdf $W --encrypt "" owner 128 --use-aes=n -- ghostscript.pdf qpdf-rc4-128.pdf
qpdf $W --encrypt "" owner 128 --use-aes=y --cleartext-metadata -- ghostscript.pdf qpdf-aes-128.pdf
qpdf --encrypt "" owner 256 --force-R5 -- ghostscript.pdf qpdf-aes-256-r5.pdf
qpdf --object-streams=generate --encrypt "" owner 256 -- ghostscript.pdf qpdf-aes-256-objstm.pdf
qpdf --encrypt user owner 256 -- ghostscript.pdf qpdf-user-password.pdf
