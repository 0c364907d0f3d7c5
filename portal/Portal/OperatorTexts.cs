namespace Marketplace.Portal;

/// <summary>The operator console's texts: <c>Resources/OperatorTexts.resx</c> (English), read through <c>IStringLocalizer&lt;OperatorTexts&gt;</c>.</summary>
public sealed class OperatorTexts;
