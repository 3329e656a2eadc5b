package model

import (
	"errors"
	"fmt"
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
	return "erreur : " + err.Error()
}
