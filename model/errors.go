package model

import "errors"

// Parse errors for money, percentages and other exact decimals. The UI maps
// them to Chinese messages naming the field.
var (
	ErrEmpty      = errors.New("empty")
	ErrNegative   = errors.New("negative")
	ErrSyntax     = errors.New("not a decimal number")
	ErrTooPrecise = errors.New("too many decimals")
	ErrOverflow   = errors.New("too large")
	ErrRange      = errors.New("out of range")
)
