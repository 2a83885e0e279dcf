namespace CableTest.Testing;

/// <summary>The classic hostile ids (path traversal, dot segments, SQL, markup, control and look-alike characters, overlong), each outside the id rule.</summary>
public static class HostileIds
{
    public static readonly string[] All =
    [
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        ".",
        "..",
        ".hidden",
        "S1' OR '1'='1",
        "S1\"; DROP TABLE samples;--",
        "<script>alert(1)</script>",
        "S 1",
        "D 1",
        " S1",
        "S1\n",
        "S1\r\nX-Injected: 1",
        "S1\0",
        "%2e%2e%2f",
        "S1/2",
        "S1?x=1",
        "S1#frag",
        "~S1",
        "-S1",
        "_S1",
        "Ｓ１",
        "S1\u200B",
        "样品1",
        "\U0001F600",
        "",
        new string('A', 65),
        new string('S', 100),
        new string('x', 1 << 20),
    ];

    public static readonly string[] Valid = ["S1", "S-1", "S-2026-0142", "s_1.a", "0", "run-20261202-212345-a1b2c3", new string('A', 64), "vd-run-20261202-212345-a1b2c3"];
}
