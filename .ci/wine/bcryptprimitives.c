/*
 * Stub bcryptprimitives.dll for Wine 8.0 (Debian 12).
 *
 * Go >= 1.24 Windows programs import ProcessPrng from bcryptprimitives.dll
 * at start-up; Wine 8.0 has no such DLL, so they die with
 * "bcryptprimitives.dll not found". This DLL exports ProcessPrng and fills
 * the buffer from RtlGenRandom (advapi32!SystemFunction036), which Wine
 * implements on top of the host's random source.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *          bcryptprimitives.c -ladvapi32
 * Install: copy into $WINEPREFIX/drive_c/windows/system32/.
 */
#include <windows.h>

/* RtlGenRandom is exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE pbData, SIZE_T cbData)
{
    /* RtlGenRandom takes a ULONG length: feed large requests in chunks. */
    while (cbData > 0) {
        ULONG n = cbData > 0x10000000 ? 0x10000000 : (ULONG)cbData;
        if (!SystemFunction036(pbData, n))
            return FALSE;
        pbData += n;
        cbData -= n;
    }
    /* The real ProcessPrng always returns TRUE; Go ignores the result. */
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst; (void)reason; (void)reserved;
    return TRUE;
}
