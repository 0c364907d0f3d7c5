using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Matching.Search;

/// <summary>
/// A candidate query for the embedded index: the relevance disjunction (concepts and stems, the most telling first,
/// within a budget of postings) with the exclusions as MUST_NOT; kind, status and the hazard rule become a filter
/// (see <see cref="LuceneFilteredSearch"/>).
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>Postings a query may walk at least; a fifth of the index when larger.</summary>
    public const int MinPostingsBudget = 20_000;

    /// <summary>The strongest terms of a query count whatever their postings.</summary>
    public const int AlwaysTaken = 3;

    public static (Query Query, LuceneFilterKey Filter, LuceneQueryTerms Terms) Build(CandidateQuery q, IndexReader reader, DocFreqCache docFreqs)
    {
        var source = q.Source;
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("org", source.OrganisationId.ToString())), Occur.MUST_NOT },
            { new TermQuery(new Term("id", source.ListingId.ToString())), Occur.MUST_NOT },
        };

        // Terms in more than a tenth of the index (a resource class, a broad thesaurus group, a frequent word) say
        // little and cost a walk over most postings; pattern concepts always qualify.
        var common = Math.Max(50, reader.NumDocs / 10);
        var clauses = new List<(string Field, string Text, float Boost, int DocFreq, float Idf)>();
        foreach (var (concept, weight) in q.Concepts)
        {
            var docFreq = docFreqs.Get(reader, "concept", concept);
            if (concept.StartsWith("pr:", StringComparison.Ordinal) || concept.StartsWith("pu:", StringComparison.Ordinal) || docFreq <= common)
            {
                clauses.Add(("concept", concept, Math.Max(weight, 0.05f) * 3f, docFreq, LuceneQueryTerms.Idf(docFreq, reader.MaxDoc)));
            }
        }

        foreach (var stem in q.Stems.Distinct().Take(CandidateQuery.MaxStems))
        {
            var docFreq = docFreqs.Get(reader, "text", stem);
            if (docFreq <= common)
            {
                clauses.Add(("text", stem, 0.5f, docFreq, LuceneQueryTerms.Idf(docFreq, reader.MaxDoc)));
            }
        }

        // Most telling terms first (query weight boost × idf, as Lucene weighs them), within a budget of postings
        // to walk: on a large index the weakest, most frequent terms add work but hardly change the top hits.
        // The strongest few always count; on a small index the budget never binds.
        var budget = Math.Max(MinPostingsBudget, reader.NumDocs / 5);
        var terms = new LuceneQueryTerms();
        var taken = 0;
        foreach (var c in clauses.OrderByDescending(c => c.Boost * c.Idf))
        {
            if (taken >= AlwaysTaken && terms.Postings + c.DocFreq > budget)
            {
                continue;
            }

            query.Add(new TermQuery(new Term(c.Field, c.Text)) { Boost = c.Boost }, Occur.SHOULD);
            (c.Field == "concept" ? terms.Concepts : terms.Stems)[c.Text] = (c.Idf, c.Boost);
            terms.Postings += c.DocFreq;
            taken++;
        }

        if (query.Clauses.Count > BooleanQuery.MaxClauseCount)
        {
            BooleanQuery.MaxClauseCount = query.Clauses.Count;
        }

        if (terms.Count == 0)
        {
            query.Add(new TermQuery(new Term("id", "\0none")), Occur.SHOULD); // no relevance term: nothing matches
        }

        return (query, new LuceneFilterKey(Counterparts.KindFor(source.Kind), Counterparts.HazardRuleFor(source)), terms);
    }
}
