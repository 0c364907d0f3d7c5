using System.Text;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.DocsExamples;

/// <summary>
/// The shell examples of a document as one script: every fenced <c>bash</c> block that calls <c>curl</c>, in the
/// document's order, so a later block uses what an earlier one captured, exactly as a reader goes through it.
/// </summary>
public static partial class DocScript
{
    /// <summary>
    /// Run before the blocks: stop at the first failing command, and a <c>curl</c> that fails on an HTTP error
    /// status (a reader would see a problem document instead of what the docs show), waits a moment on 404 as the
    /// docs say an event-fed read may need, refuses a URL built from a captured <c>null</c>, and reports each call.
    /// </summary>
    public const string Prelude = """
        set -euo pipefail
        curl() {
          case " $* " in *"/null/"*|*"/null "*) echo "DOCS-CURL refused: a captured value was null: curl $*" >&2; return 3;; esac
          local attempt out code body
          for attempt in $(seq 1 40); do
            out=$(command curl -sS -w '\n%{http_code}' "$@") || { echo "DOCS-CURL transport error: curl $*" >&2; return 7; }
            code=${out##*$'\n'}
            body=${out%$'\n'*}
            [ "$code" = 404 ] || break
            sleep 0.5
          done
          echo "DOCS-CURL $code" >&2
          printf '%s\n' "$body"
          if [ "$code" -ge 400 ]; then echo "DOCS-CURL failed: HTTP $code from curl $*: $body" >&2; return 22; fi
        }

        """;

    public static IReadOnlyList<string> CurlBlocks(string markdown) =>
        [.. Fence().Matches(markdown).Select(m => m.Groups["body"].Value).Where(b => b.Contains("curl ", StringComparison.Ordinal))];

    /// <summary>The prelude and the blocks, with the documented default address replaced by the host under test.</summary>
    public static string Build(string markdown, string baseUrl)
    {
        var script = new StringBuilder(Prelude);
        foreach (var block in CurlBlocks(markdown))
        {
            script.AppendLine(block.Replace("http://localhost:5080", baseUrl, StringComparison.Ordinal));
        }

        return script.ToString();
    }

    [GeneratedRegex(@"^```bash[ \t]*\r?\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
