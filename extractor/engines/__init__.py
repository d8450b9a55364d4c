"""Execution engines of a run: committed-chunk table storage with a resume manifest (store), the
optional Dask engine (dask_engine), and exact faster stand-ins for slow trained-pipeline parts (fast)."""
