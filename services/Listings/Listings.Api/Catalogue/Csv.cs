using System.Text;

namespace Marketplace.Listings.Catalogue;

public sealed record CsvRecord(int Line, List<string> Fields);

/// <summary>RFC 4180: separated by commas (or the dialect's separator), double quotes around fields with separators, quotes or line breaks, "" for a quote.</summary>
public static class Csv
{
    public static List<CsvRecord> Parse(string text, char separator = ',')
    {
        var reader = new Reader(separator);
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            if (reader.Quoted)
            {
                i = reader.ReadQuoted(text, i);
            }
            else
            {
                reader.Read(text[i]);
            }
        }

        return reader.Finish();
    }

    /// <summary>The parse state: the records so far, the fields of the current one, and whether a quoted field is open.</summary>
    private sealed class Reader(char separator)
    {
        private readonly List<CsvRecord> records = [];
        private readonly StringBuilder field = new();
        private List<string> fields = [];
        private int line = 1;
        private int recordLine = 1;

        public bool Quoted { get; private set; }

        /// <summary>One character inside quotes (a "" pair is one quote); returns the index of the last character consumed.</summary>
        public int ReadQuoted(string text, int i)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    return i + 1;
                }

                Quoted = false;
                return i;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            return i;
        }

        /// <summary>One character outside quotes: a quote opening a field, a separator, a line end, or text.</summary>
        public void Read(char c)
        {
            switch (c)
            {
                case '"' when field.Length == 0:
                    Quoted = true;
                    break;
                case var sep when sep == separator:
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        /// <summary>The records, with a last one that has no line break after it.</summary>
        public List<CsvRecord> Finish()
        {
            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(recordLine, fields));
            }

            return records;
        }
    }
}
