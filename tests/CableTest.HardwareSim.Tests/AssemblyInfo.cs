// The serving tests read instrument state at wall-clock moments of a time-scaled simulation (e.g. "0.5 s
// after start is 30 s of instrument time: in the dwell"). Run in parallel on a 2-core CI machine, the
// classes starve each other's timers and those moments drift; one class at a time keeps them honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
