#!/bin/sh
# Submits the job array of @SHARDS@ shards and the merge job that waits for all of them. Written by 'ucgsim slurm'.
set -eu
array=$(sbatch --parsable @FOLDER@/ucgsim-shards.sbatch)
merge=$(sbatch --parsable --dependency=afterok:"$array" @FOLDER@/ucgsim-merge.sbatch)
echo "Submitted the shards as job array $array (tasks 1-@SHARDS@) and their merge as job $merge."
echo "Logs: @FOLDER@/logs; merged results: @FOLDER@/merged once job $merge has run (squeue -j $array,$merge)."
