using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using TriggerLang.Compiler.Diagnostics;
using TriggerLang.Compiler.Parsing.Generated;
using TriggerLang.Compiler.Syntax;
using TriggerLang.Compiler.Text;

namespace TriggerLang.Compiler.Parsing;

/// <summary>The parse of one file: its tree (always present) and its syntax diagnostics.</summary>
public sealed record SyntaxTree(CompilationUnitSyntax Root, ImmutableArray<Diagnostic> Diagnostics)
{
    public SourceFile File => Root.File;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>Parses .trig source text into a <see cref="SyntaxTree"/>. Never throws on bad input.</summary>
public static class TrigParser
{
    public static SyntaxTree Parse(SourceFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var lexer = new TriggerLangLexer(new AntlrInputStream(file.Text));
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        var all = tokens.GetTokens();

        var cuts = NestingGuard.HideTooDeep(all);
        foreach (var cut in cuts)
        {
            diagnostics.Add(DiagnosticBuilder.At(file, TextSpan.FromBounds(cut.First.StartIndex, cut.First.StopIndex + 1))
                .NestingTooDeep(NestingGuard.MaxDepth));
        }
        tokens.Seek(0);

        var comments = CollectTrivia(file, all, diagnostics);
        var context = ParseTwoStage(file, tokens, diagnostics, TokensAfterLexicalErrors(all));
        var cutStarts = cuts.Select(c => c.First.StartIndex).ToArray();
        var items = new SyntaxTreeBuilder(file, diagnostics, cutStarts).BuildItems(context);
        var ordered = diagnostics.OrderBy(d => d.Location?.Span.Start ?? 0).ToImmutableArray();
        return new SyntaxTree(new CompilationUnitSyntax(file, new TextSpan(0, file.Text.Length), items, comments), ordered);
    }

    /// <summary>
    /// SLL prediction is much faster and is exact for valid input; only when it
    /// fails do we parse again with full LL and the recovering error strategy.
    /// </summary>
    private static TriggerLangParser.CompilationUnitContext ParseTwoStage(
        SourceFile file, CommonTokenStream tokens, List<Diagnostic> diagnostics, IReadOnlySet<int> tokensAfterLexicalErrors)
    {
        var parser = new TriggerLangParser(tokens) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            return parser.compilationUnit();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.ErrorHandler = new TrigErrorStrategy();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.AddErrorListener(new SyntaxErrorListener(file, diagnostics, tokensAfterLexicalErrors));
            return parser.compilationUnit();
        }
    }

    /// <summary>
    /// The tokens that directly follow a lexical error: an invalid character, an
    /// unterminated string or block comment, or nesting cut out by the
    /// <see cref="NestingGuard"/>. A syntax error there is a consequence of the
    /// lexical error, which is already reported.
    /// </summary>
    private static HashSet<int> TokensAfterLexicalErrors(IList<IToken> tokens)
    {
        var result = new HashSet<int>();
        var pending = false;
        foreach (var token in tokens)
        {
            switch (token.Type)
            {
                case TriggerLangLexer.LINE_COMMENT:
                case TriggerLangLexer.BLOCK_COMMENT:
                    continue;
                case TriggerLangLexer.BAD_CHARACTER:
                case TriggerLangLexer.UNTERMINATED_BLOCK_COMMENT:
                    pending = true;
                    continue;
            }
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                pending = true; // cut out by the nesting guard
                continue;
            }
            if (pending)
            {
                result.Add(token.TokenIndex);
            }
            pending = token.Type == TriggerLangLexer.STRING && !LiteralDecoder.IsTerminated(token.Text);
        }
        return result;
    }

    private static ImmutableArray<CommentTrivia> CollectTrivia(SourceFile file, IList<IToken> tokens, List<Diagnostic> diagnostics)
    {
        var comments = ImmutableArray.CreateBuilder<CommentTrivia>();
        var badStart = -1;
        var badEnd = -1;
        foreach (var token in tokens)
        {
            if (token.Type == TriggerLangLexer.BAD_CHARACTER)
            {
                if (token.StartIndex != badEnd)
                {
                    FlushBad();
                    badStart = token.StartIndex;
                }
                badEnd = token.StopIndex + 1;
                continue;
            }
            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            switch (token.Type)
            {
                case TriggerLangLexer.LINE_COMMENT:
                case TriggerLangLexer.BLOCK_COMMENT:
                    comments.Add(new CommentTrivia(span, token.Text));
                    break;
                case TriggerLangLexer.UNTERMINATED_BLOCK_COMMENT:
                    comments.Add(new CommentTrivia(span, token.Text));
                    diagnostics.Add(DiagnosticBuilder.At(file, new TextSpan(token.StartIndex, 2)).UnterminatedComment());
                    break;
            }
        }
        FlushBad();
        return comments.ToImmutable();

        void FlushBad()
        {
            if (badStart >= 0)
            {
                var span = TextSpan.FromBounds(badStart, badEnd);
                diagnostics.Add(DiagnosticBuilder.At(file, span).InvalidCharacter(file.GetText(span)));
                badStart = -1;
                badEnd = -1;
            }
        }
    }
}
