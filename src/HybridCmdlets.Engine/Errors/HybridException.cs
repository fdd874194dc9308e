using System;

namespace HybridCmdlets.Engine.Errors
{
    /// <summary>
    /// Every failure the engine reports on purpose: a stable id a script can test for, a message that names
    /// the offending value, the object it concerns and what to do about it.
    /// </summary>
    public sealed class HybridException : Exception
    {
        public HybridException(string errorId, ErrorKind kind, string message, object? target, string recommendedAction, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
            RecommendedAction = recommendedAction;
        }

        /// <summary>Stable identifier, e.g. <c>VMNotFound</c>; never the message.</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        /// <summary>The item being processed when the error happened (a name, a path, an object).</summary>
        public object? Target { get; }

        public string RecommendedAction { get; }
    }
}
