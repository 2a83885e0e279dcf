namespace CableTest.Runs.Model;

/// <summary>What an operator prompt asks for.</summary>
public enum PromptKind
{
    /// <summary><c>connect_core</c>: connect the next core to the instrument's leads.</summary>
    ConnectCore,

    /// <summary><c>close_cage</c>: leave the high-voltage cage and close its door.</summary>
    CloseCage,
}
