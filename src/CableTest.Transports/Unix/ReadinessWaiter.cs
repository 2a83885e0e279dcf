using System.Runtime.InteropServices;

namespace CableTest.Transports.Unix;

/// <summary>
/// Wakes an awaiting reader (or writer) the moment a file descriptor becomes readable (writable):
/// one thread per line blocks in poll(2) on the fd and an eventfd, so there is no sleep-polling.
/// One reader and one writer may wait at a time (a line has one owner).
/// </summary>
internal sealed unsafe class ReadinessWaiter : IDisposable
{
    private readonly int fd;
    private readonly FileDescriptor wake;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private TaskCompletionSource? readWaiter;
    private TaskCompletionSource? writeWaiter;
    private volatile bool disposed;

    public ReadinessWaiter(int fd, string name)
    {
        this.fd = fd;
        var efd = LibC.EventFd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        if (efd < 0)
        {
            throw LibC.Failure("eventfd", Marshal.GetLastPInvokeError());
        }

        wake = new FileDescriptor(efd);
        thread = new Thread(Loop) { IsBackground = true, Name = "tty " + name };
        thread.Start();
    }

    public Task WaitReadableAsync(CancellationToken cancellationToken) => Wait(ref readWaiter, cancellationToken);

    public Task WaitWritableAsync(CancellationToken cancellationToken) => Wait(ref writeWaiter, cancellationToken);

    private Task Wait(ref TaskCompletionSource? slot, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (slot is not null)
            {
                throw new InvalidOperationException("a line has one owner: only one read and one write may wait at a time");
            }

            slot = tcs;
        }

        Signal();
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var (self, source) = ((ReadinessWaiter, TaskCompletionSource))state!;
                self.Cancel(source, token);
            }, (this, tcs));
            _ = tcs.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration, TaskScheduler.Default);
        }

        return tcs.Task;
    }

    private void Cancel(TaskCompletionSource source, CancellationToken token)
    {
        lock (gate)
        {
            if (readWaiter == source)
            {
                readWaiter = null;
            }

            if (writeWaiter == source)
            {
                writeWaiter = null;
            }
        }

        source.TrySetCanceled(token);
        Signal();
    }

    private void Signal()
    {
        ulong one = 1;
        _ = LibC.Write(wake.Fd, (byte*)&one, sizeof(ulong));
    }

    private void Loop()
    {
        var fds = stackalloc LibC.PollFd[2];
        ulong drain;
        while (!disposed)
        {
            short interest;
            lock (gate)
            {
                interest = (short)((readWaiter is null ? 0 : LibC.POLLIN) | (writeWaiter is null ? 0 : LibC.POLLOUT));
            }

            fds[0] = new LibC.PollFd { Fd = wake.Fd, Events = LibC.POLLIN };
            fds[1] = new LibC.PollFd { Fd = interest == 0 ? -1 : fd, Events = interest };
            var n = LibC.Poll(fds, 2, -1);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == LibC.EINTR)
                {
                    continue;
                }

                FailAll(LibC.Failure("poll", Marshal.GetLastPInvokeError()));
                return;
            }

            if ((fds[0].Revents & LibC.POLLIN) != 0)
            {
                _ = LibC.Read(wake.Fd, (byte*)&drain, sizeof(ulong));
            }

            var revents = fds[1].Revents;
            if (revents == 0)
            {
                continue;
            }

            // Errors and hang-ups wake both sides: the read or write itself then reports what happened.
            var broken = (revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0;
            TaskCompletionSource? r = null, w = null;
            lock (gate)
            {
                if (((revents & LibC.POLLIN) != 0 || broken) && readWaiter is not null)
                {
                    (r, readWaiter) = (readWaiter, null);
                }

                if (((revents & LibC.POLLOUT) != 0 || broken) && writeWaiter is not null)
                {
                    (w, writeWaiter) = (writeWaiter, null);
                }
            }

            r?.TrySetResult();
            w?.TrySetResult();
        }
    }

    private void FailAll(Exception e)
    {
        TaskCompletionSource? r, w;
        lock (gate)
        {
            (r, readWaiter) = (readWaiter, null);
            (w, writeWaiter) = (writeWaiter, null);
        }

        r?.TrySetException(e);
        w?.TrySetException(e);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Signal();
        thread.Join(TimeSpan.FromSeconds(2));
        FailAll(new ObjectDisposedException("line closed"));
        wake.Dispose();
    }
}
