// Optimizer
