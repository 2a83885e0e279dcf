return await CableTest.HardwareSim.SimulatorHost.RunAsync(args).ConfigureAwait(false);
