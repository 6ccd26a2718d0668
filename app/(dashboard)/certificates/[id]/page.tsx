import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError } from '@/lib/api/errors';
import type { Actor } from '@/lib/auth/types';
import { requirePage } from '@/lib/authz/page';
import { authorize } from '@/lib/authz/policy';
import { getCertificate } from '@/lib/certificates';
import { CertificateDetail } from './_components/certificate-detail';
import { DecodedCertificate, DecodedCertificateSkeleton } from './_components/decoded-certificate';

export const metadata: Metadata = { title: 'Certificate' };

type Loaded = { certificate: Awaited<ReturnType<typeof getCertificate>>; at: number } | { refused: string };

/**
 * The certificate, authorized for `actor` (from requirePage) as GET /api/certificates/{id} is
 * ('certificates:read' on this certificate, denials audited); an id that is not one of ours is a 404.
 */
async function load(actor: Actor, id: string): Promise<Loaded> {
  const valid = z.uuid().safeParse(id).success;
  try {
    await authorize(actor, 'certificates:read', undefined, {
      target: valid ? `certificate:${id}` : null,
    });
    if (!valid) throw new ApiError(404, 'certificate_not_found', 'There is no such certificate.');
    return { certificate: await getCertificate(id), at: Date.now() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    return { refused: error.message };
  }
}

export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('certificates:read');
  // Rendered per request, for the signed-in caller only.
  await connection();
  const { id } = await params;
  const loaded = await load(actor, id).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  if ('refused' in loaded) {
    return (
      <>
        <PageHeader title="Certificate" />
        <Alert tone="danger" title="The certificate could not be loaded.">
          {loaded.refused}
        </Alert>
      </>
    );
  }
  const { certificate, at } = loaded;
  return (
    <CertificateDetail certificate={certificate} now={at}>
      <Suspense fallback={<DecodedCertificateSkeleton />}>
        <DecodedCertificate id={certificate.id} pem={certificate.pem} signKeyName={certificate.signKeyName} />
      </Suspense>
    </CertificateDetail>
  );
}
