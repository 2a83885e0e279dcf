namespace CableTest.Testing;

/// <summary>
/// Finds an external program an integration test needs. A missing tool is a failure, never a skip:
/// ./test.sh installs every package named here, so absence means a broken environment.
/// </summary>
public static class RequiredTool
{
    /// <summary>Absolute path of <paramref name="program"/> on PATH (or an absolute path that exists).</summary>
    /// <exception cref="InvalidOperationException">The program is missing; the message names the Debian package.</exception>
    public static string Find(string program, string debianPackage)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : throw Missing(program, debianPackage);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/sbin"))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw Missing(program, debianPackage);
    }

    /// <summary>Fails unless <c>python3 -c "import MODULE"</c> works with Debian's interpreter.</summary>
    public static string FindPythonModule(string module, string debianPackage)
    {
        var python = Find("/usr/bin/python3", "python3");
        var psi = new System.Diagnostics.ProcessStartInfo(python, ["-c", $"import {module}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit(30_000);
        if (p.ExitCode != 0)
        {
            throw Missing($"python module {module}", debianPackage);
        }

        return python;
    }

    private static InvalidOperationException Missing(string what, string debianPackage) =>
        new($"{what} is not installed: this integration test needs Debian package '{debianPackage}'. " +
            "Run ./test.sh (it installs the system packages the tests need) or apt-get install it.");
}
