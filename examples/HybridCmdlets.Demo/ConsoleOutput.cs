using System;
using System.Collections.Generic;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Demo
{
    /// <summary>What a cmdlet would put on the console: objects as a table, errors and warnings as pwsh prints them.</summary>
    internal sealed class ConsoleOutput : ICommandOutput
    {
        private readonly string command;
        private readonly bool whatIf;
        private readonly bool verbose;

        public ConsoleOutput(string command, bool whatIf = false, bool verbose = false)
        {
            this.command = command;
            this.whatIf = whatIf;
            this.verbose = verbose;
        }

        public List<object> Objects { get; } = new List<object>();

        public CancellationToken Cancellation => CancellationToken.None;

        public void WriteObject(object item) => Objects.Add(item);

        public List<HybridException> Errors { get; } = new List<HybridException>();

        public void WriteError(HybridException error) => Errors.Add(error);

        /// <summary>Prints the errors as pwsh does once the output before them has been shown.</summary>
        public void PrintErrors()
        {
            foreach (var error in Errors)
            {
                Console.ForegroundColor = ConsoleColor.Red;
                Console.WriteLine(command + ": " + error.Message);
                Console.WriteLine("  (ErrorId " + error.ErrorId + ". " + error.RecommendedAction + ")");
                Console.ResetColor();
            }
        }

        public void WriteWarning(string text) => Console.WriteLine("WARNING: " + text);

        /// <summary>Shown as pwsh shows it under -Verbose: the tour asks for it where it says something worth reading.</summary>
        public void WriteVerbose(string text)
        {
            if (!verbose) return;
            Console.ForegroundColor = ConsoleColor.Yellow;
            Console.WriteLine("VERBOSE: " + text);
            Console.ResetColor();
        }

        /// <summary>The tour prints results, not progress bars.</summary>
        public void WriteProgress(ProgressUpdate update)
        {
        }

        public bool ShouldProcess(string target, string action)
        {
            if (whatIf) Console.WriteLine("What if: Performing the operation \"" + action + "\" on target \"" + target + "\".");
            return !whatIf;
        }
    }
}
