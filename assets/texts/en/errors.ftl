# Errors outside one area: memory refusals (data::memory) and failed jobs (jobs).
error-memory-shortfall = needs about { $need } of memory and this machine has { $free } free, so it was not started. Close other programs, or use a shorter period or fewer columns (save part of the file from your shop system).
error-memory-refused = { $what } { $why }
error-internal = internal error (please report it): { $detail }
