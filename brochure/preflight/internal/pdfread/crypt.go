package pdfread

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrPassword is returned for a file that opens only with a password.
var ErrPassword = errors.New("the file is protected by a password; the preflight cannot open it")

// crypt decrypts the strings and streams of a file encrypted by the standard security
// handler with the empty user password (ISO 32000-2, 7.6), as viewers open it.
type crypt struct {
	r          int
	key        []byte
	stm, str   string // method for streams and strings: RC4, AES, AES256 or Identity
	filters    map[Name]string
	encryptsMD bool // /EncryptMetadata
}

// setupCrypt reads the /Encrypt dictionary of the trailer, if any.
func (f *File) setupCrypt() error {
	f.crypt = nil
	enc := f.trailer["Encrypt"]
	if enc == nil {
		return nil
	}
	if r, ok := enc.(Ref); ok {
		f.encRef = r.Num
	}
	d := f.Dict(enc)
	if d == nil {
		return errors.New("the file is encrypted, and its /Encrypt dictionary cannot be read")
	}
	var id []byte
	if ids := f.Array(f.trailer["ID"]); len(ids) > 0 {
		s, _ := f.Resolve(ids[0]).(String)
		id = []byte(s)
	}
	c, err := newCrypt(d, id)
	if err != nil {
		return err
	}
	// What was read so far was read without decrypting it.
	f.cache, f.objStms, f.mem = map[int]Object{}, map[int]*objStm{}, 0
	f.crypt = c
	return nil
}

var padding = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

func newCrypt(d Dict, id []byte) (*crypt, error) {
	if fl := d.Name("Filter"); fl != "Standard" {
		return nil, fmt.Errorf("the file is encrypted by the security handler /%s, which the preflight cannot open", fl)
	}
	num := func(k Name, def int) int {
		if n, ok := d[k].(Number); ok {
			return int(n)
		}
		return def
	}
	str := func(k Name) []byte { s, _ := d[k].(String); return []byte(s) }
	v, r := num("V", 0), num("R", 0)
	c := &crypt{r: r, encryptsMD: true, filters: map[Name]string{"Identity": "Identity"}}
	if b, ok := d["EncryptMetadata"].(Bool); ok {
		c.encryptsMD = bool(b)
	}
	keyLen := 5
	switch v {
	case 1:
		c.stm, c.str = "RC4", "RC4"
	case 2:
		c.stm, c.str = "RC4", "RC4"
		keyLen = num("Length", 40) / 8
	case 4, 5:
		keyLen = 16
		if cf, ok := d["CF"].(Dict); ok {
			for name, e := range cf {
				ed, _ := e.(Dict)
				switch ed.Name("CFM") {
				case "V2":
					c.filters[name] = "RC4"
				case "AESV2":
					c.filters[name] = "AES"
				case "AESV3":
					c.filters[name] = "AES256"
				case "None", "":
					c.filters[name] = "Identity"
				default:
					return nil, fmt.Errorf("the file is encrypted with /%s, which the preflight cannot open", ed.Name("CFM"))
				}
			}
		}
		method := func(k Name) (string, error) {
			n := d.Name(k)
			if n == "" {
				n = "Identity"
			}
			m, ok := c.filters[n]
			if !ok {
				return "", fmt.Errorf("the /Encrypt dictionary names an unknown crypt filter /%s", n)
			}
			return m, nil
		}
		var err error
		if c.stm, err = method("StmF"); err != nil {
			return nil, err
		}
		if c.str, err = method("StrF"); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("the file is encrypted by version %d of the standard security handler, which the preflight cannot open", v)
	}
	if keyLen < 5 || keyLen > 16 {
		return nil, fmt.Errorf("the /Encrypt dictionary gives a key of %d bytes", keyLen)
	}
	o, u := str("O"), str("U")
	var err error
	if r >= 5 {
		c.key, err = key256(r, u, str("UE"))
	} else {
		c.key, err = key128(r, keyLen, o, u, uint32(num("P", 0)), id, c.encryptsMD)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// key128 computes the file key of revisions 2 to 4 for the empty user password and checks
// it against /U (algorithms 2, 4 and 5).
func key128(r, n int, o, u []byte, p uint32, id []byte, encryptsMD bool) ([]byte, error) {
	if len(o) < 32 || len(u) < 16 {
		return nil, errors.New("the /Encrypt dictionary has bad /O or /U entries")
	}
	h := md5.New()
	h.Write(padding)
	h.Write(o[:32])
	binary.Write(h, binary.LittleEndian, p)
	h.Write(id)
	if r >= 4 && !encryptsMD {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	key = key[:n]
	var check []byte
	if r == 2 {
		check = rc4Crypt(key, padding)
		u = u[:32]
	} else {
		s := md5.Sum(append(append([]byte{}, padding...), id...))
		check = rc4Crypt(key, s[:])
		for i := 1; i <= 19; i++ {
			k := make([]byte, len(key))
			for j := range key {
				k[j] = key[j] ^ byte(i)
			}
			check = rc4Crypt(k, check)
		}
		u = u[:16]
	}
	if len(u) > len(check) || !bytes.Equal(check[:len(u)], u) {
		return nil, ErrPassword
	}
	return key, nil
}

// key256 computes the file key of revisions 5 and 6 for the empty user password
// (algorithms 2.A and 2.B).
func key256(r int, u, ue []byte) ([]byte, error) {
	if len(u) < 48 || len(ue) < 32 {
		return nil, errors.New("the /Encrypt dictionary has bad /U or /UE entries")
	}
	hash := func(salt []byte) []byte {
		if r == 5 {
			s := sha256.Sum256(salt)
			return s[:]
		}
		return hash2B(salt)
	}
	if !bytes.Equal(hash(u[32:40]), u[:32]) {
		return nil, ErrPassword
	}
	block, err := aes.NewCipher(hash(u[40:48]))
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
	return key, nil
}

// hash2B is algorithm 2.B of ISO 32000-2 for the empty password and no user data.
func hash2B(salt []byte) []byte {
	s := sha256.Sum256(salt)
	k := s[:]
	var e []byte
	for i := 0; i < 64 || int(e[len(e)-1]) > i-32; i++ {
		k1 := bytes.Repeat(k, 64)
		block, _ := aes.NewCipher(k[:16])
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			h := sha256.Sum256(e)
			k = h[:]
		case 1:
			h := sha512.Sum384(e)
			k = h[:]
		default:
			h := sha512.Sum512(e)
			k = h[:]
		}
	}
	return k[:32]
}

func rc4Crypt(key, data []byte) []byte {
	c, _ := rc4.NewCipher(key)
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// objectKey is the key for the strings and streams of object ref (algorithm 1).
func (c *crypt) objectKey(ref Ref, method string) []byte {
	if method == "AES256" {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(ref.Num), byte(ref.Num >> 8), byte(ref.Num >> 16), byte(ref.Gen), byte(ref.Gen >> 8)})
	if method == "AES" {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts data of object ref by method.
func (c *crypt) decrypt(data []byte, ref Ref, method string) ([]byte, error) {
	switch method {
	case "Identity":
		return data, nil
	case "RC4":
		return rc4Crypt(c.objectKey(ref, method), data), nil
	}
	if len(data) < 16 {
		return nil, errors.New("encrypted data shorter than its initialisation vector")
	}
	block, err := aes.NewCipher(c.objectKey(ref, method))
	if err != nil {
		return nil, err
	}
	body := data[16:]
	body = body[:len(body)/16*16]
	out := make([]byte, len(body))
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, body)
	if n := len(out); n > 0 {
		if pad := int(out[n-1]); pad >= 1 && pad <= 16 && pad <= n {
			out = out[:n-pad]
		}
	}
	return out, nil
}

// stream decrypts the data of a stream by the stream method, or by the crypt filter it
// names.
func (c *crypt) stream(s *Stream) ([]byte, error) {
	method := c.stm
	if s.Dict.Name("Type") == "Metadata" && !c.encryptsMD {
		method = "Identity"
	}
	names := []Object{s.Dict["Filter"]}
	if a, ok := s.Dict["Filter"].(Array); ok {
		names = a
	}
	if len(names) > 0 && names[0] == Name("Crypt") {
		method = "Identity"
		parms, _ := s.Dict["DecodeParms"].(Dict)
		if a, ok := s.Dict["DecodeParms"].(Array); ok && len(a) > 0 {
			parms, _ = a[0].(Dict)
		}
		if n := parms.Name("Name"); n != "" {
			m, ok := c.filters[n]
			if !ok {
				return nil, fmt.Errorf("unknown crypt filter /%s", n)
			}
			method = m
		}
	}
	return c.decrypt(s.raw, s.Ref, method)
}

// strings decrypts the strings in object o of ref, in place.
func (c *crypt) strings(o Object, ref Ref) Object {
	switch v := o.(type) {
	case String:
		out, err := c.decrypt([]byte(v), ref, c.str)
		if err != nil {
			return v
		}
		return String(out)
	case Array:
		for i := range v {
			v[i] = c.strings(v[i], ref)
		}
	case Dict:
		for k := range v {
			v[k] = c.strings(v[k], ref)
		}
	case *Stream:
		c.strings(v.Dict, ref)
	}
	return o
}
