using System.Text.RegularExpressions;

namespace Marketplace.ServiceDefaults.Conversations;

/// <summary>A file as it arrived, before it is checked and stored.</summary>
public sealed record IncomingFile(string FileName, byte[] Content);

/// <summary>The pure rules of a conversation: what a message may hold, who hears of it, who is shown as its author.</summary>
public static partial class ConversationRules
{
    public const int MaxBodyLength = 4000;
    public const int MaxFileNameLength = 200;
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxTotalBytes = 20 * 1024 * 1024;
    public const int PreviewLength = 140;

    /// <summary>The kinds of file a conversation takes, by extension: documents, spreadsheets, photos and plain text.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>The field errors of a message (<c>body</c>, <c>attachments</c>), or an empty map when it may be posted.</summary>
    public static Dictionary<string, string[]> Validate(string? body, IReadOnlyList<IncomingFile> files)
    {
        var errors = new Dictionary<string, string[]>();
        var text = body?.Trim() ?? "";
        if (text.Length == 0 && files.Count == 0)
        {
            errors["body"] = ["Write a message or attach a file."];
        }
        else if (text.Length > MaxBodyLength)
        {
            errors["body"] = [$"A message holds at most {MaxBodyLength} characters."];
        }

        var fileErrors = files.Count > MaxFiles
            ? [$"At most {MaxFiles} files per message."]
            : files.Sum(f => (long)f.Content.Length) > MaxTotalBytes
                ? [$"The files together may not exceed {MaxTotalBytes / (1024 * 1024)} MB."]
                : files.Select(FileError).OfType<string>().ToArray();
        if (fileErrors.Length > 0)
        {
            errors["attachments"] = fileErrors;
        }

        return errors;
    }

    /// <summary>Why one file is refused, or null: its kind by extension, its size, and that its bytes are what the extension says.</summary>
    public static string? FileError(IncomingFile file)
    {
        var name = SafeFileName(file.FileName);
        if (!ContentTypes.ContainsKey(Path.GetExtension(name)))
        {
            return $"{name}: this kind of file is not taken (PDF, PNG, JPEG, WebP, TXT, CSV, XLSX or DOCX).";
        }

        if (file.Content.Length == 0 || file.Content.Length > MaxFileBytes)
        {
            return $"{name}: a file must hold between 1 byte and {MaxFileBytes / (1024 * 1024)} MB.";
        }

        return LooksLike(Path.GetExtension(name), file.Content) ? null : $"{name}: its content is not a {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()} file.";
    }

    /// <summary>The file's own name, without any folder, control characters or quotes, at most <see cref="MaxFileNameLength"/> characters.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Unsafe().Replace(Path.GetFileName(fileName.Replace('\\', '/')), "_").Trim();
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return name.Length == 0 ? "file" : name;
    }

    /// <summary>Everyone of the thread but the author's organisation: the other side, or both sides when the facilitator writes.</summary>
    public static IReadOnlyList<Guid> Recipients(ConversationThread thread, Guid authorOrganisationId) =>
        [.. thread.Parties.Select(p => p.OrganisationId).Where(o => o != authorOrganisationId).Distinct()];

    /// <summary>The author's organisation as <paramref name="thread"/>'s caller may see it: its own, after the reveal, or to the operator.</summary>
    public static Guid? ShownAuthor(ConversationMessage message, ConversationThread thread, bool viewerIsOperator) =>
        viewerIsOperator || thread.Revealed || message.AuthorOrganisationId == thread.CallerOrganisationId ? message.AuthorOrganisationId : null;

    /// <summary>The first words of a message for a notification: whitespace folded, cut at a word with an ellipsis.</summary>
    public static string Preview(string body, int attachments)
    {
        var text = Whitespace().Replace(body, " ").Trim();
        if (text.Length > PreviewLength)
        {
            var cut = text.LastIndexOf(' ', PreviewLength - 1);
            text = text[..(cut > PreviewLength / 2 ? cut : PreviewLength - 1)] + "…";
        }

        return text.Length > 0 ? text : $"({attachments} file{(attachments == 1 ? "" : "s")})";
    }

    private static bool LooksLike(string extension, byte[] content) => extension.ToLowerInvariant() switch
    {
        ".pdf" => StartsWith(content, "%PDF-"u8),
        ".png" => StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => StartsWith(content, [0xFF, 0xD8, 0xFF]),
        ".webp" => content.Length >= 12 && StartsWith(content, "RIFF"u8) && content.AsSpan(8, 4).SequenceEqual("WEBP"u8),
        ".xlsx" or ".docx" => StartsWith(content, [0x50, 0x4B, 0x03, 0x04]),
        _ => !content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0), // text: no NUL bytes
    };

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    [GeneratedRegex(@"[\x00-\x1F\x7F""<>|:*?]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
