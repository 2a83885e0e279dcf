namespace CableTest.Runs.Model;

/// <summary>Where a run is. Only <see cref="Run"/> moves it, through its guarded transitions.</summary>
public enum RunState
{
    /// <summary>Planned and stored; nothing has moved yet.</summary>
    Pending,

    /// <summary>A step is executing.</summary>
    Running,

    /// <summary>Waiting for the operator to answer a prompt.</summary>
    AwaitingOperator,

    /// <summary>Every step done; the sample verdict is being derived and appended.</summary>
    Evaluating,

    /// <summary>Ended with a verdict on every planned test.</summary>
    Completed,

    /// <summary>Ended by a person (operator abort, declined prompt) or a shutdown.</summary>
    Aborted,

    /// <summary>Ended without a verdict on every test: an instrument fault, a store outage, or a crash closed at restart.</summary>
    Incomplete,
}
