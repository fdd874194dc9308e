using System;
using System.IO;
using System.Security.Cryptography;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Passes reads or writes through to a stream and hashes (SHA-256) the bytes that go by: a lab file's content is
    /// hashed as it is read or written, not read a second time, which another program could change in between.
    /// </summary>
    internal sealed class HashingStream : Stream
    {
        private readonly Stream inner;
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public HashingStream(Stream inner) => this.inner = inner;

        /// <summary>The bytes read or written so far.</summary>
        public long Count { get; private set; }

        /// <summary>The SHA-256 of the bytes read or written; call it once, at the end.</summary>
        public byte[] Hash() => hash.GetHashAndReset();

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, read);
            Count += read;
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            hash.AppendData(buffer, offset, count);
            Count += count;
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Reads what is left, so that the hash covers the whole stream.</summary>
        public void ReadToEnd()
        {
            var buffer = new byte[1 << 16];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
