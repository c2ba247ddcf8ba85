package pdfread

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// Decode returns the decoded data of a stream, at most Limits.StreamSize bytes. Data
// that is damaged part of the way comes back as far as it could be read, with a
// *DamagedError; a limit exceeded is a *LimitError and no data.
func (f *File) Decode(s *Stream) ([]byte, error) {
	return f.decode(s, 0, s.Ref.String())
}

// DamagedError reports stream data that could be decoded only in part.
type DamagedError struct {
	Where string
	Err   error
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s: the data is damaged (%v); what could be read is checked", e.Where, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// decode decodes s into at most Limits.StreamSize-used bytes (used: the bytes of earlier
// parts of the same content); where names it in errors. Every byte read and written
// counts against Limits.Decoded, so that a small stream decoded often costs what it
// costs.
func (f *File) decode(s *Stream, used int64, where string) ([]byte, error) {
	limit := f.lim.StreamSize - used
	tooLarge := limitf(where, "it decodes to more than %s", mb(f.lim.StreamSize))
	left := f.lim.Decoded - f.decoded
	if limit < 0 {
		return nil, tooLarge
	}
	if left <= 0 {
		return nil, limitf(where, "the streams of the file decode to more than %s together; the rest are not read", mb(f.lim.Decoded))
	}
	raw := s.raw
	if f.crypt != nil && s.Dict.Name("Type") != "XRef" {
		var err error
		if raw, err = f.crypt.stream(s); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
	}
	f.decoded += int64(len(raw))
	filters, parms := f.filters(s.Dict)
	var r io.Reader = bytes.NewReader(raw)
	for i, name := range filters {
		var err error
		if r, err = newFilter(name, parms[i], r); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
	}
	if len(filters) == 0 {
		if int64(len(raw)) > limit {
			return nil, tooLarge
		}
		return raw, nil
	}
	cap := min(limit, left)
	out, over, err := readAtMost(r, cap)
	f.decoded += int64(len(out))
	if over {
		f.decoded += cap
		if cap == limit {
			return nil, tooLarge
		}
		return nil, limitf(where, "the streams of the file decode to more than %s together; the rest are not read", mb(f.lim.Decoded))
	}
	if err != nil && !errors.Is(err, zlib.ErrChecksum) {
		var ce flate.CorruptInputError
		if len(out) > 0 && (errors.As(err, &ce) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, errFilterData)) {
			return out, &DamagedError{Where: where, Err: err}
		}
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return out, nil
}

// readAtMost reads r to its end, or until it has given more than max bytes (over), in
// chunks that are joined only at the end, the first of 64 KB and each next one twice as
// large up to 1 MB: data over the limit never takes more than the limit in memory, data
// within it about twice its size, briefly. What it returns takes no more memory than its
// length (and a chunk's spare room, when a chunk is at least half full): the callers count
// lengths against their limits, and a file of many tiny streams must not hold 64 KB each.
func readAtMost(r io.Reader, max int64) (data []byte, over bool, err error) {
	const first, most = 64 << 10, 1 << 20
	var chunks [][]byte
	var n int64
	for chunk := int64(first); ; chunk = min(2*chunk, most) {
		b := make([]byte, min(chunk, max+1-n))
		k := 0
		for k < len(b) && err == nil {
			var m int
			m, err = r.Read(b[k:])
			k += m
		}
		chunks = append(chunks, b[:k])
		if n += int64(k); n > max {
			return nil, true, nil
		}
		if err != nil {
			break
		}
	}
	if err == io.EOF {
		err = nil
	}
	if len(chunks) == 1 {
		if c := chunks[0]; len(c) < cap(c)/2 {
			return bytes.Clone(c), false, err
		}
		return chunks[0], false, err
	}
	data = make([]byte, 0, n)
	for _, c := range chunks {
		data = append(data, c...)
	}
	return data, false, err
}

// filters lists a stream's filters with their parameters.
func (f *File) filters(d Dict) ([]Name, []Dict) {
	var names []Name
	var parms []Dict
	switch v := f.Resolve(d["Filter"]).(type) {
	case Name:
		names = []Name{v}
	case Array:
		for _, n := range v {
			names = append(names, f.Name(n))
		}
	}
	ps := f.Resolve(d["DecodeParms"])
	if ps == nil {
		ps = f.Resolve(d["DP"])
	}
	for i := range names {
		var p Object = ps
		if a, ok := ps.(Array); ok {
			p = nil
			if i < len(a) {
				p = a[i]
			}
		}
		parms = append(parms, f.Dict(p))
	}
	return names, parms
}

// Contents returns the decoded content of a page or form: a stream, or an array of streams
// joined by white-space, together at most Limits.StreamSize bytes; where names it in
// problems ("the content of page 2"). A damaged stream gives its readable part and a
// *DamagedError among the problems; a limit exceeded gives no data and a *LimitError.
func (f *File) Contents(o Object, where string) ([]byte, []error) {
	o = f.Resolve(o)
	if s, ok := o.(*Stream); ok {
		data, err := f.decode(s, 0, where)
		if err != nil {
			return data, []error{err}
		}
		return data, nil
	}
	a, ok := o.(Array)
	if !ok {
		if o != nil {
			return nil, []error{fmt.Errorf("%s is %s, not a stream", where, Kind(o))}
		}
		return nil, nil
	}
	var out []byte
	var problems []error
	for i, e := range a {
		part := fmt.Sprintf("%s, part %d", where, i+1)
		s := f.Stream(e)
		if s == nil {
			problems = append(problems, fmt.Errorf("%s is %s, not a stream", part, Kind(f.Resolve(e))))
			continue
		}
		data, err := f.decode(s, int64(len(out)), part)
		if err != nil {
			if derr := (*DamagedError)(nil); !errors.As(err, &derr) {
				return nil, append(problems, err)
			}
			problems = append(problems, err)
		}
		out = append(append(out, data...), '\n')
	}
	return out, problems
}
