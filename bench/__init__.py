"""National-scale data generator and benchmark (`make bench`); see bench/README.md."""
