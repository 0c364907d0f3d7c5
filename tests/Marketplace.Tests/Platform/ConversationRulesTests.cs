using System.Text;
using Marketplace.ServiceDefaults.Conversations;

namespace Marketplace.Tests.Platform;

/// <summary>What a message may hold, who hears of it and who is shown as its author: the conversation's pure rules.</summary>
public sealed class ConversationRulesTests
{
    private static readonly Guid Supplier = Guid.NewGuid();
    private static readonly Guid Receiver = Guid.NewGuid();
    private static readonly Guid Operator = Guid.NewGuid();

    [Fact]
    public void A_message_needs_text_or_a_file_and_text_has_a_limit()
    {
        Assert.Contains("body", ConversationRules.Validate("   ", []).Keys);
        Assert.Contains("body", ConversationRules.Validate(new string('x', ConversationRules.MaxBodyLength + 1), []).Keys);
        Assert.Empty(ConversationRules.Validate("Can you send an analysis?", []));
        Assert.Empty(ConversationRules.Validate(null, [new IncomingFile("a.txt", Encoding.UTF8.GetBytes("moisture 12 %"))]));
    }

    [Theory]
    [InlineData("analysis.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("PHOTO.JPG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData("sheet.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, true)]
    [InlineData("photo.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, false)]
    [InlineData("notes.txt", new byte[] { 0x41, 0x00, 0x42 }, false)]
    [InlineData("setup.exe", new byte[] { 0x4D, 0x5A }, false)]
    [InlineData("empty.pdf", new byte[0], false)]
    public void A_file_is_taken_by_its_kind_and_only_when_its_bytes_are_that_kind(string name, byte[] content, bool taken) =>
        Assert.Equal(taken, ConversationRules.FileError(new IncomingFile(name, content)) is null);

    [Fact]
    public void Too_many_files_are_refused_together()
    {
        var files = Enumerable.Range(0, ConversationRules.MaxFiles + 1).Select(i => new IncomingFile($"{i}.txt", [0x41])).ToList();
        Assert.Contains("attachments", ConversationRules.Validate("x", files).Keys);
    }

    [Theory]
    [InlineData("C:\\Users\\me\\Desktop\\lab.pdf", "lab.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("a\"b<c>.pdf", "a_b_c_.pdf")]
    [InlineData("", "file")]
    public void A_file_keeps_only_its_own_safe_name(string given, string kept) => Assert.Equal(kept, ConversationRules.SafeFileName(given));

    [Fact]
    public void The_other_side_hears_of_a_message_and_both_sides_of_the_facilitators()
    {
        var thread = new ConversationThread(Guid.NewGuid(), [new(Supplier, "supplier"), new(Receiver, "receiver")], false, "supplier", Supplier);
        Assert.Equal([Receiver], ConversationRules.Recipients(thread, Supplier));
        Assert.Equal([Supplier, Receiver], ConversationRules.Recipients(thread, Operator));
    }

    [Fact]
    public void The_author_is_named_only_to_itself_the_operator_or_after_the_reveal()
    {
        var message = new ConversationMessage { AuthorOrganisationId = Receiver, AuthorRole = "receiver", Body = "?" };
        var asSupplier = new ConversationThread(Guid.NewGuid(), [new(Supplier, "supplier"), new(Receiver, "receiver")], false, "supplier", Supplier);
        Assert.Null(ConversationRules.ShownAuthor(message, asSupplier, viewerIsOperator: false));
        Assert.Equal(Receiver, ConversationRules.ShownAuthor(message, asSupplier, viewerIsOperator: true));
        Assert.Equal(Receiver, ConversationRules.ShownAuthor(message, asSupplier with { Revealed = true }, viewerIsOperator: false));
        Assert.Equal(Receiver, ConversationRules.ShownAuthor(message, asSupplier with { CallerOrganisationId = Receiver }, viewerIsOperator: false));
    }

    [Fact]
    public void A_preview_folds_whitespace_and_cuts_at_a_word()
    {
        var preview = ConversationRules.Preview("Dear  buyer,\n\n" + string.Join(' ', Enumerable.Repeat("quality", 40)), 0);
        Assert.StartsWith("Dear buyer, quality", preview, StringComparison.Ordinal);
        Assert.EndsWith("quality…", preview, StringComparison.Ordinal);
        Assert.True(preview.Length <= ConversationRules.PreviewLength + 1);
        Assert.Equal("(2 files)", ConversationRules.Preview("", 2));
    }
}
