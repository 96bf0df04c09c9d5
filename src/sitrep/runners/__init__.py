"""Runners: they chain the pipeline's stages over inputs and a store, nothing else."""
