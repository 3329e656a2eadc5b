package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strings"
)

// acceptedKeyTypes are the OpenSSH public key types appel authorises.
var acceptedKeyTypes = []string{
	"ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
}

// ParseAuthorizedKey reads one OpenSSH public key line ("ssh-ed25519 AAAA… comment")
// and returns it with its SHA256 fingerprint, as `ssh-keygen -lf` prints it.
func ParseAuthorizedKey(line string) (PublicKey, error) {
	fields := strings.Fields(strings.TrimSpace(line))
	if len(fields) < 2 {
		return PublicKey{}, invalid("clé publique illisible : attendu « type clé [commentaire] » (fichier .pub)")
	}
	kind := fields[0]
	if !contains(acceptedKeyTypes, kind) {
		return PublicKey{}, invalid("type de clé %q non accepté (ssh-ed25519, ssh-rsa, ecdsa…)", kind)
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil {
		return PublicKey{}, invalid("clé publique illisible : base64 invalide")
	}
	if embedded, ok := keyBlobType(blob); !ok || embedded != kind {
		return PublicKey{}, invalid("clé publique incohérente : le type annoncé %q ne correspond pas à la clé", kind)
	}
	comment := strings.Join(fields[2:], " ")
	if err := CheckField("commentaire de la clé", comment, Plain); err != nil {
		return PublicKey{}, err
	}
	return PublicKey{Fingerprint: Fingerprint(blob), Line: kind + " " + fields[1], Comment: comment}, nil
}

// Fingerprint returns the SHA256 fingerprint of a public key in wire format.
func Fingerprint(blob []byte) string {
	sum := sha256.Sum256(blob)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// keyBlobType reads the key type string at the start of a wire-format key.
func keyBlobType(blob []byte) (string, bool) {
	if len(blob) < 4 {
		return "", false
	}
	n := binary.BigEndian.Uint32(blob)
	if n == 0 || uint64(n) > uint64(len(blob)-4) {
		return "", false
	}
	t := blob[4 : 4+n]
	return string(t), bytes.IndexByte(t, 0) < 0
}
