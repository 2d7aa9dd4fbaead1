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

// ErrReviewStatus is a 审核状态 that is not 未审核, 已审核 or 需修改.
var ErrReviewStatus = errors.New("not a review status")
