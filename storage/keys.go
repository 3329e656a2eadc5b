package storage

import (
	"bytes"
	"encoding/binary"
	"strings"
	"time"

	"appel/model"
)

// sep separates the parts of a composite key. Identifiers never contain it
// (checkID refuses them), so a prefix ending in sep selects exactly one owner.
const sep = 0x00

// join builds a composite key: parts separated by sep.
func join(parts ...string) []byte {
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			k = append(k, sep)
		}
		k = append(k, p...)
	}
	return k
}

// prefix returns owner followed by sep: the common start of owner's keys.
func prefix(owner string) []byte { return append([]byte(owner), sep) }

// split cuts a composite key at its first sep.
func split(k []byte) (string, string) {
	a, b, _ := bytes.Cut(k, []byte{sep})
	return string(a), string(b)
}

// readable formats a key for the audit log: sep becomes "/".
func readable(k []byte) string { return strings.ReplaceAll(string(k), "\x00", "/") }

// u64 encodes n big-endian, so that numeric order is byte order.
func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

// timeKey encodes t in 12 bytes that sort as time does, for any year: Unix
// seconds with the sign bit flipped, then nanoseconds, both big-endian.
func timeKey(t time.Time) []byte {
	k := binary.BigEndian.AppendUint64(nil, uint64(t.Unix())^(1<<63))
	return binary.BigEndian.AppendUint32(k, uint32(t.Nanosecond()))
}

// timeKeyLen is the length of a timeKey.
const timeKeyLen = 12

// dateKey is the 8-byte form (20261123) that starts every séance identifier.
func dateKey(d model.Date) []byte { return []byte(d.Compact()) }

// dateOfKey reads the date part of a key that starts with a séance identifier.
func dateOfKey(k []byte) []byte {
	if len(k) < 8 {
		return k
	}
	return k[:8]
}

// checkID refuses identifiers that would break composite keys.
func checkID(what, id string) error {
	if id == "" {
		return model.Invalid("%s : identifiant vide", what)
	}
	if strings.IndexByte(id, sep) >= 0 {
		return model.Invalid("%s %q : caractère nul interdit dans un identifiant", what, id)
	}
	return nil
}
