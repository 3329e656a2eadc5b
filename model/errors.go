package model

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Kinds of failure that callers test with errors.Is. Their messages, and those
// of the errors that wrap them, are French sentences fit for the user.
var (
	ErrInvalid   = errors.New("saisie invalide")
	ErrNotFound  = errors.New("introuvable")
	ErrForbidden = errors.New("action non autorisée pour ce rôle")
	ErrConflict  = errors.New("modifié entre-temps par quelqu'un d'autre")
)

// Error is a failure with a French message for the user and a kind for callers.
type Error struct {
	Kind    error
	Message string
}

// Error returns the user's message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

func invalid(format string, args ...any) error {
	return &Error{Kind: ErrInvalid, Message: fmt.Sprintf(format, args...)}
}

// NotFound builds an ErrNotFound with a French message.
func NotFound(format string, args ...any) error {
	return &Error{Kind: ErrNotFound, Message: fmt.Sprintf(format, args...)}
}

// Forbidden builds an ErrForbidden with a French message.
func Forbidden(format string, args ...any) error {
	return &Error{Kind: ErrForbidden, Message: fmt.Sprintf(format, args...)}
}

// Conflict builds an ErrConflict with a French message.
func Conflict(format string, args ...any) error {
	return &Error{Kind: ErrConflict, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds an ErrInvalid with a French message.
func Invalid(format string, args ...any) error { return invalid(format, args...) }

// UserMessage returns the French sentence to show for err.
func UserMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if IsFault(err) {
		return FaultMessage(err)
	}
	return "erreur : " + err.Error()
}

// IsFault reports whether err is a fault of the machine (the disk, a file),
// not a refusal of appel's: its text names the server's files in English
// and belongs in the log, the user reads FaultMessage.
func IsFault(err error) bool {
	var pathErr *fs.PathError
	var errno syscall.Errno
	var e *Error
	return err != nil && !errors.As(err, &e) && (errors.As(err, &pathErr) || errors.As(err, &errno))
}

// FaultMessage says in French what a fault of the machine means for the
// user: what happened, that nothing was saved, whom to tell; never a path
// nor a system message.
func FaultMessage(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "disque plein : rien n'a été enregistré, prévenez l'administrateur"
	case errors.Is(err, syscall.EIO), errors.Is(err, syscall.EROFS):
		return "erreur du disque : rien n'a été enregistré, prévenez l'administrateur"
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé à un fichier du serveur : rien n'a été enregistré, prévenez l'administrateur"
	}
	return "erreur du serveur : rien n'a été enregistré, prévenez l'administrateur"
}
