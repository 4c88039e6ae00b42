using Microsoft.Playwright;

namespace Storyline.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Browser tests skip when it is not installed, unless running
/// in CI (<c>CI</c> set), where <c>.ci/run</c> installs it and a missing browser is a failure.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            if (Environment.GetEnvironmentVariable("CI") is not null)
                throw new InvalidOperationException($"{ExecutablePath} is missing; .ci/run should install Debian's chromium");
            Skip.If(true, $"needs Debian's chromium at {ExecutablePath}");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
