"""The engines of a run, which turn batches of articles into rows: annotate (what one batch becomes,
shared by both), local (this process or forked worker processes) and dask_engine (a Dask cluster,
optional)."""
