// Package model owns the domain of jixiao: a department's yearly budget
// performance targets (预算绩效目标), its projects and indicator grids, the
// exact decimal types they use, the standard indicator taxonomy and the
// review rules. It does no I/O and knows nothing of storage or screens.
package model
